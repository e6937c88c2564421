package cn.bailian.kit.ratelimit;

import cn.bailian.kit.KitConfig;
import cn.bailian.kit.security.Caller;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Applies {@link RateLimited}: one Resilience4j {@link RateLimiter} per operation and caller key, kept while it is used
 * (Caffeine, bounded, so a flood of addresses cannot grow memory without end). Runs before every other interceptor
 * of the kit and before {@code @Transactional}, so a refused call takes no connection, lock or queue slot.
 * <p>
 * Why not SmallRye Fault Tolerance's {@code @RateLimit}: it counts per method for all callers together, so one client
 * would use up everyone's allowance. The limits are per instance (a service with two replicas allows up to twice).
 */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 50)
public class RateLimits {

    private static final Cache<String, RateLimiter> LIMITERS = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(15))
            .build();

    @Inject
    Caller caller;

    @Inject
    RoutingContext routing;

    @Inject
    KitConfig config;

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        RateLimited rule = rule(invocation);
        if (rule == null || !config.rateLimit().enabled()) {
            return invocation.proceed();
        }
        String who = rule.per() == RateLimited.Per.SUBJECT && caller.authenticated()
                ? "sub:" + caller.subject()
                : "ip:" + routing.request().remoteAddress().hostAddress();
        String key = invocation.getMethod().getDeclaringClass().getName()
                + '#'
                + invocation.getMethod().getName()
                + ' '
                + who;
        RateLimiter limiter = LIMITERS.get(
                key,
                k -> RateLimiter.of(
                        k,
                        RateLimiterConfig.custom()
                                .limitForPeriod(rule.limit())
                                .limitRefreshPeriod(Duration.ofSeconds(rule.periodSeconds()))
                                .timeoutDuration(Duration.ZERO)
                                .build()));
        if (!limiter.acquirePermission()) {
            long nanos = limiter instanceof AtomicRateLimiter atomic
                    ? atomic.getDetailedMetrics().getNanosToWait()
                    : 0;
            throw new TooManyRequests(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L)));
        }
        return invocation.proceed();
    }

    private static RateLimited rule(InvocationContext invocation) {
        RateLimited onMethod = invocation.getMethod().getAnnotation(RateLimited.class);
        return onMethod != null
                ? onMethod
                : invocation.getMethod().getDeclaringClass().getAnnotation(RateLimited.class);
    }
}
