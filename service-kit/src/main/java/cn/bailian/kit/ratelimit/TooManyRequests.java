package cn.bailian.kit.ratelimit;

import cn.bailian.kit.problem.ProblemException;

/** 429 {@code TOO_MANY_REQUESTS}: the caller may try again after {@link #retryAfterSeconds()}. */
public class TooManyRequests extends ProblemException {

    public static final String CODE = "TOO_MANY_REQUESTS";
    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super(429, CODE, retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
