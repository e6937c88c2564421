package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP for the driver: one shared client, answers with status, body and how long they took. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Answer(int status, String raw, long nanos) {
        JsonNode json() {
            try {
                return JSON.readTree(raw);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (HTTP " + status + "): " + raw, e);
            }
        }

        String text(String field) {
            return json().path(field).asText();
        }
    }

    private Http() {
    }

    static Answer get(String url, String token) {
        return send("GET", url, token, null, null);
    }

    static Answer post(String url, String token, Object body) {
        return send("POST", url, token, body, "application/json");
    }

    static Answer send(String method, String url, String token, Object body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(text));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Answer(0, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer, which must have the expected status; anything else ends the bench with the answer. */
    static Answer expect(int status, Answer answer, String what) {
        if (answer.status() != status) {
            String raw = answer.raw().length() > 500 ? answer.raw().substring(0, 500) + "…" : answer.raw();
            throw new IllegalStateException(what + ": expected HTTP " + status + ", got " + answer.status() + ": " + raw);
        }
        return answer;
    }
}
