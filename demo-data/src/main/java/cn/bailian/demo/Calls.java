package cn.bailian.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One request through a generated client, and what its failure means: each service's client has its own
 * ApiException, all carrying the HTTP status and the problem+json body.
 */
final class Calls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Calls() {}

    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    /** A request the loader cannot go on without. */
    static final class LoadFailed extends RuntimeException {
        LoadFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The answer's status and body when a generated client refused it; empty for anything else. */
    record Refusal(int status, String body) {

        Optional<String> problemCode() {
            try {
                JsonNode code = JSON.readTree(body == null ? "" : body).path("code");
                return code.isTextual() ? Optional.of(code.asText()) : Optional.empty();
            } catch (Exception notJson) {
                return Optional.empty();
            }
        }

        static Optional<Refusal> of(Throwable e) {
            return switch (e) {
                case cn.bailian.client.resident.ApiException r ->
                    Optional.of(new Refusal(r.getCode(), r.getResponseBody()));
                case cn.bailian.client.farm.ApiException f ->
                    Optional.of(new Refusal(f.getCode(), f.getResponseBody()));
                case cn.bailian.client.activity.ApiException a ->
                    Optional.of(new Refusal(a.getCode(), a.getResponseBody()));
                case cn.bailian.client.fund.ApiException d ->
                    Optional.of(new Refusal(d.getCode(), d.getResponseBody()));
                default -> Optional.empty();
            };
        }
    }

    static <T> T call(String what, Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw failed(what, e);
        }
    }

    /**
     * Like {@link #call}, but while the answer is a problem whose code is one of {@code waitingFor} (the service
     * has not yet seen the Kafka event it needs), tries again each second until {@code timeout}.
     */
    static <T> T eventually(String what, Set<String> waitingFor, Duration timeout, Call<T> call) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return call.call();
            } catch (Exception e) {
                Optional<String> code = Refusal.of(e).flatMap(Refusal::problemCode);
                if (code.isEmpty() || !waitingFor.contains(code.get())) {
                    throw failed(what, e);
                }
                if (System.nanoTime() > deadline) {
                    throw new LoadFailed(
                            "gave up after " + timeout.toSeconds() + " s waiting for the event that " + what
                                    + " needs (still " + code.get() + ")",
                            e);
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailed("interrupted", e);
        }
    }

    static LoadFailed failed(String what, Exception e) {
        return Refusal.of(e)
                .map(r -> new LoadFailed(what + " answered HTTP " + r.status() + ": " + r.body(), e))
                .orElseGet(() -> new LoadFailed(what + " failed: " + e, e));
    }
}
