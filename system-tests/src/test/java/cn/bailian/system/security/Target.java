package cn.bailian.system.security;

import static io.restassured.RestAssured.given;

import cn.bailian.system.Platform;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One concrete call of an operation against the prepared world: the path with its ids filled in, query,
 * headers and body, and the resident the call acts for ({@code owner}, null when it names nobody).
 */
public record Target(
        String service,
        String method,
        String path,
        Map<String, Object> query,
        Map<String, String> headers,
        Object body,
        String contentType,
        UUID owner) {

    public static Target of(String service, String method, String path) {
        return new Target(service, method, path, Map.of(), Map.of(), null, null, null);
    }

    public Target body(Object value) {
        return new Target(
                service,
                method,
                path,
                query,
                headers,
                value,
                contentType == null ? "application/json" : contentType,
                owner);
    }

    public Target body(Object value, String type) {
        return new Target(service, method, path, query, headers, value, type, owner);
    }

    public Target query(String name, Object value) {
        Map<String, Object> q = new LinkedHashMap<>(query);
        q.put(name, value);
        return new Target(service, method, path, q, headers, body, contentType, owner);
    }

    public Target header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Target(service, method, path, query, h, body, contentType, owner);
    }

    public Target owner(UUID resident) {
        return new Target(service, method, path, query, headers, body, contentType, resident);
    }

    /** Sends it with this bearer token (none when null). */
    public Response send(String token) {
        RequestSpecification request =
                given().baseUri(Platform.get().url(service)).urlEncodingEnabled(true);
        if (token != null) {
            request.auth().oauth2(token);
        }
        query.forEach(request::queryParam);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(contentType).body(body);
        }
        return request.request(method, path);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query);
    }
}
