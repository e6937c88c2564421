package cn.bailian.kit.ratelimit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * At most {@link #limit()} calls of this operation per {@link #periodSeconds()} for each caller, counted per
 * {@link #per()}: the token's subject on writes (anonymous callers fall back to their address), the client address on
 * costly anonymous reads. Over it: 429 {@code TOO_MANY_REQUESTS} problem+json with {@code Retry-After}, before the
 * method runs (no transaction, lock or queue slot taken). Authentication and role checks happen before it.
 * The counting is Resilience4j's {@code RateLimiter}, one per operation and caller ({@link RateLimits}).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    @Nonbinding
    int limit() default 30;

    @Nonbinding
    int periodSeconds() default 60;

    @Nonbinding
    Per per() default Per.SUBJECT;

    enum Per {
        /** The token's subject; the client address when there is no valid token. */
        SUBJECT,
        /** The client address (behind a proxy: the forwarded one, see quarkus.http.proxy.*). */
        CLIENT_ADDRESS
    }
}
