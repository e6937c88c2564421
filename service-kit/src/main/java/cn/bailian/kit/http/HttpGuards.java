package cn.bailian.kit.http;

import cn.bailian.kit.KitConfig;
import cn.bailian.kit.problem.Messages;
import cn.bailian.kit.problem.Problem;
import cn.bailian.kit.problem.ProblemCodes;
import cn.bailian.kit.problem.ProblemException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * Answers the requests that never reach a resource method in problem+json too: bodies over the limit
 * (256 KiB by default) before they are read, and paths under /api that match no operation.
 * <p>
 * A body sent without Content-Length (HTTP/1.1 chunked) cannot be judged before it is read: Vert.x's {@link BodyHandler} reads
 * it with the same limit and fails the request with 413 at the first byte over it, which is answered here too. The
 * body read is the one Quarkus REST then deserialises (it takes a body already read from the routing context), so
 * it is held in memory only up to the limit. The server's own ceiling ({@code quarkus.http.limits.max-body-size}) is
 * higher, so ours is the answer clients see.
 */
@ApplicationScoped
public class HttpGuards {

    @Inject
    KitConfig config;

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(this::limitBody);
        router.route("/api/*").order(-100).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                send(
                        ctx,
                        new ProblemException(
                                413,
                                ProblemCodes.PAYLOAD_TOO_LARGE,
                                config.http().maxBodyBytes() / 1024));
            } else {
                ctx.next();
            }
        });
        router.route("/api/*")
                .order(Integer.MAX_VALUE)
                .handler(ctx -> send(ctx, new ProblemException(404, ProblemCodes.NOT_FOUND)));
    }

    private void limitBody(RoutingContext ctx) {
        long maxBodyBytes = config.http().maxBodyBytes();
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        // Only an HTTP/1.1 chunked body is read here. An HTTP/2 request (h2c, which java.net.http clients such as
        // the generated api-clients negotiate) must stay unread: Quarkus REST pauses the request it is given, and a
        // paused HTTP/2 stream that was already read fails ("Request has already been read") — every GET over h2c
        // answered 500. An HTTP/2 body of unknown length is bounded by quarkus.http.limits.max-body-size instead.
        boolean streamed = ctx.request().version() != HttpVersion.HTTP_2
                && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
        if (length == null && streamed) {
            BodyHandler.create(false).setBodyLimit(maxBodyBytes).handle(ctx);
            return;
        }
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    send(ctx, new ProblemException(413, ProblemCodes.PAYLOAD_TOO_LARGE, maxBodyBytes / 1024));
                    return;
                }
            } catch (NumberFormatException e) {
                send(ctx, new ProblemException(400, ProblemCodes.INVALID_PARAMETER));
                return;
            }
        }
        ctx.next();
    }

    private static void send(RoutingContext ctx, ProblemException problem) {
        Locale locale = Messages.resolve(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String body = Problem.json(Problem.body(problem, locale, ctx.request().path()));
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Content-Language", locale.toLanguageTag())
                .putHeader(HttpHeaders.CONNECTION, problem.status() == 413 ? "close" : "keep-alive")
                .end(body);
    }
}
