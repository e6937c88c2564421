package cn.bailian.kit.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** What a browser and any client meet at the door, on the sample application: CORS, headers, paging depth, body size. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class FrontDoorTest {

    private static final String WEB = "http://localhost:5173";
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/api/v1/notes")
    URI notes;

    @Test
    void aPreflightFromTheWebOriginIsAllowedAndCached() {
        Response preflight = given().header("Origin", WEB)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .when()
                .options("/api/v1/notes");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(WEB);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains(
                        "authorization",
                        "content-type",
                        "if-match",
                        "if-none-match",
                        "idempotency-key",
                        "accept-language");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("86400");
    }

    @Test
    void aCrossOriginReadFromTheWebOriginMayReadTheHeadersClientsNeed() {
        Response read = given().header("Origin", WEB).when().get("/api/v1/public-notes?prefix=" + UUID.randomUUID());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(WEB);
        assertThat(read.header("Access-Control-Expose-Headers"))
                .contains("ETag", "Location", "Retry-After", "Idempotent-Replayed");
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        Response preflight = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/v1/notes");
        Response read = given().header("Origin", "https://evil.example").when().get("/api/v1/public-notes?prefix=x");

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Response answer : new Response[] {
            given().when().get("/api/v1/public-notes?prefix=x"),
            given().when().get("/api/v1/no-such-thing"),
            given().auth().oauth2(DevTokens.staff(UUID.randomUUID())).when().get("/api/v1/notes"),
            given().when().get("/q/openapi")
        }) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Content-Security-Policy"))
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void swaggerUiInDevAndTestIsNotLockedDownByTheApiPolicy() {
        Response page = given().redirects().follow(true).when().get("/q/swagger-ui/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).isNull();
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aPersonalAnswerIsNotStoredWhileAPublicReadStaysCacheable() {
        String token = DevTokens.staff(UUID.randomUUID());
        Response personal = given().auth().oauth2(token).when().get("/api/v1/notes");
        Response publicWithToken =
                given().auth().oauth2(token).when().get("/api/v1/public-notes?prefix=" + UUID.randomUUID());
        Response anonymous = given().when().get("/api/v1/notes");

        assertThat(personal.statusCode()).isEqualTo(200);
        assertThat(personal.header("Cache-Control")).isEqualTo("no-store");
        assertThat(publicWithToken.header("Cache-Control")).isEqualTo("public, no-cache");
        assertThat(publicWithToken.header("ETag")).isNotBlank();
        assertThat(anonymous.header("Cache-Control")).isNull();
    }

    @Test
    void pagingDeeperThanTheCapIsA400NamingThePageInBothLanguages() {
        given().when()
                .get("/api/v1/notes?page=1001&size=100")
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].code", equalTo("PageTooDeep"))
                .body("errors[0].message", startsWith("翻页过深：每页 100 条时 page 不能超过 1000"));
        given().when().get("/api/v1/notes?page=1000&size=100").then().statusCode(200);
        given().header("Accept-Language", "en")
                .when()
                .get("/api/v1/notes?page=5001&size=20")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].message", startsWith("too deep: with 20 items per page, page may be at most 5000"));
        given().when().get("/api/v1/notes?page=5000&size=20").then().statusCode(200);
        given().when()
                .get("/api/v1/notes?page=1000000")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
        assertThat(given().accept("application/json")
                        .when()
                        .get("/q/openapi")
                        .jsonPath()
                        .getList("paths.'/api/v1/notes'.get.parameters.name", String.class))
                .as("the language header PageRequest reads is not a parameter of its own")
                .containsExactlyInAnyOrder("page", "size");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        byte[] body = "{\"text\":\"chunked\",\"priority\":3}".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(notes)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))) // length unknown: chunked
                .build();
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            assertThat(answer.body()).contains("\"text\":\"chunked\"");
        }
    }

    @Test
    void readsAndWritesOverH2cAreServed() throws Exception {
        // java.net.http (the generated api-clients) upgrades plain HTTP to HTTP/2; the body guard once read every
        // HTTP/2 request and each then failed with 500
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            for (int i = 0; i < 3; i++) { // the first request upgrades, the next ones are HTTP/2 frames
                HttpResponse<String> read =
                        client.send(HttpRequest.newBuilder(notes).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            }
            assertThat(client.send(HttpRequest.newBuilder(notes).GET().build(), HttpResponse.BodyHandlers.ofString())
                            .version())
                    .isEqualTo(HttpClient.Version.HTTP_2);
            HttpResponse<String> write = client.send(
                    HttpRequest.newBuilder(notes)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"h2c\",\"priority\":2}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(write.statusCode()).as(write.body()).isEqualTo(201);
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
        String answer = sendChunked(300 * 1024);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer.toLowerCase()).contains("content-type: " + PROBLEM);
        assertThat(answer).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    /**
     * A chunked POST written on a raw socket (in another thread: the server answers and closes before it is all sent,
     * which a client library may report as a failure of the send instead of the answer); returns the raw answer.
     */
    private String sendChunked(int bytes) throws Exception {
        try (Socket socket = new Socket(notes.getHost(), notes.getPort())) {
            OutputStream out = socket.getOutputStream();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(("POST " + notes.getPath() + " HTTP/1.1\r\nHost: " + notes.getHost() + "\r\n"
                                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write("9\r\n{\"text\":\"\r\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = "a".repeat(8192).getBytes(StandardCharsets.US_ASCII);
                    for (int sent = 0; sent < bytes; sent += chunk.length) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // expected once the server has answered 413 and closed
                }
            });
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int contentLength = 0;
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                head.append(line).append('\n');
                if (line.toLowerCase().startsWith("content-length:")) {
                    contentLength = Integer.parseInt(
                            line.substring("content-length:".length()).trim());
                }
            }
            String answer = head + "\n" + new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
            writer.join(30_000);
            return answer;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
