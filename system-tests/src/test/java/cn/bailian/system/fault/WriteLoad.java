package cn.bailian.system.fault;

import static org.awaitility.Awaitility.await;

import cn.bailian.system.Api;
import cn.bailian.system.Platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A steady write load while a fault happens: threads registering residents in one household through
 * resident-service, each answer kept. A registration is one row in the register, one outbox event
 * (registered.v1) and, downstream, one projection row in each of farm, activity and fund.
 * Requests time out after 30 s, so a hang shows as an error instead of stalling the test.
 */
final class WriteLoad implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    /** One request's fate: an HTTP status (or -1 when no answer came: refused, reset, timed out). */
    record Outcome(int status, String contentType, String code, UUID id, long millis, String error) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final Api.Neighbourhood place;
    private final String service = "resident-service";
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final long pauseMs;
    private volatile boolean running;

    private WriteLoad(Api.Neighbourhood place, long pauseMs) {
        this.place = place;
        this.pauseMs = pauseMs;
    }

    /** Starts {@code threads} writers, each pausing {@code pauseMs} between requests. */
    static WriteLoad start(Api.Neighbourhood place, int threads, long pauseMs) {
        WriteLoad load = new WriteLoad(place, pauseMs);
        load.running = true;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(load::run, "write-load-" + i);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void run() {
        while (running) {
            Outcome outcome = register(sequence.incrementAndGet());
            outcomes.add(outcome);
            // while the service is away, do not spin: a client backs off a little too
            sleep(outcome.status() < 0 ? Math.max(pauseMs, 100) : pauseMs);
        }
    }

    private Outcome register(int n) {
        // the service's URL is looked up per request: a restarted process keeps its port
        String body = """
                {"name":"故障测试%d","gender":"FEMALE","birthDate":"1988-03-02","phone":"139%08d","residencyType":"PERMANENT",\
                "householdId":"%s","relationToHead":"OTHER"}""".formatted(n, 40_000_000 + n, place.householdId());
        HttpRequest request = HttpRequest.newBuilder(URI.create(Platform.get().url(service) + "/api/v1/residents"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + place.staffToken())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            String text = response.body();
            Matcher id = ID.matcher(text);
            Matcher code = CODE.matcher(text);
            return new Outcome(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    code.find() ? code.group(1) : null,
                    response.statusCode() == 201 && id.find() ? UUID.fromString(id.group(1)) : null,
                    millis,
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "", null, null, 0, "interrupted");
        } catch (Exception e) {
            return new Outcome(-1, "", null, null, (System.nanoTime() - started) / 1_000_000, e.toString());
        }
    }

    /** Stops the writers and waits for their last requests. */
    List<Outcome> stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(REQUEST_TIMEOUT.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.copyOf(outcomes);
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Waits until {@code more} further writes than now were acknowledged: the load is flowing. */
    void awaitAcknowledged(int more) {
        long target = acknowledged() + more;
        await().atMost(REQUEST_TIMEOUT.multipliedBy(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> acknowledged() >= target);
    }

    /** Waits until a request got no answer (refused, reset): the load has met the service being away. */
    void awaitUnanswered() {
        int from = outcomes.size();
        await().atMost(REQUEST_TIMEOUT.multipliedBy(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> outcomes().stream().skip(from).anyMatch(o -> o.status() < 0));
    }

    private long acknowledged() {
        return outcomes.stream().filter(Outcome::acknowledged).count();
    }

    static List<UUID> acknowledgedIds(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::acknowledged).map(Outcome::id).toList();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
