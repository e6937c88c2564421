package cn.bailian.kit.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every answer carries, whoever wrote it (a resource, an exception mapper, {@link HttpGuards}, the
 * OpenAPI document, health):
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer};</li>
 *   <li>{@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'}: our answers are data, never a
 *   page to render or frame. Swagger UI (served in dev only) is the one HTML page and needs its scripts, so it is
 *   left out;</li>
 *   <li>{@code Cache-Control: no-store} on a personal answer: one to a request that carried a token, unless the answer
 *   set its own Cache-Control (a {@link cn.bailian.kit.cache.PublicCached} read says {@code public, no-cache} because
 *   it is the same for everyone). A browser or a shared cache must not keep someone's claims or donations.</li>
 * </ul>
 * A Vert.x handler rather than {@code quarkus.http.header."…"} configuration: the no-store rule depends on the
 * request and on what the answer already says, which static configuration cannot express, and one handler that
 * sets the headers as they are written keeps all four rules in one place, for answers written at any layer.
 */
@ApplicationScoped
public class FrontDoorHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final String SWAGGER_UI = "/q/swagger-ui";

    void install(@Observes Router router) {
        router.route().order(-200).handler(this::onHeadersEnd);
    }

    private void onHeadersEnd(RoutingContext ctx) {
        boolean personal = ctx.request().headers().contains(HttpHeaders.AUTHORIZATION);
        boolean page = ctx.normalizedPath().startsWith(SWAGGER_UI);
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (!page) {
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            if (personal && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        ctx.next();
    }
}
