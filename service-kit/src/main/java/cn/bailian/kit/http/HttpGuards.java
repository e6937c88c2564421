package cn.bailian.kit.http;

import cn.bailian.kit.problem.Messages;
import cn.bailian.kit.problem.Problem;
import cn.bailian.kit.problem.ProblemCodes;
import cn.bailian.kit.problem.ProblemException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import cn.bailian.kit.KitConfig;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * Answers the requests that never reach a resource method in problem+json too: bodies over the limit
 * (256 KiB by default) before they are read, and paths under /api that match no operation.
 */
@ApplicationScoped
public class HttpGuards {

    @Inject
    KitConfig config;

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(this::limitBody);
        router.route("/api/*").order(Integer.MAX_VALUE).handler(ctx -> send(ctx, new ProblemException(404, ProblemCodes.NOT_FOUND)));
    }

    private void limitBody(RoutingContext ctx) {
        long maxBodyBytes = config.http().maxBodyBytes();
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
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
