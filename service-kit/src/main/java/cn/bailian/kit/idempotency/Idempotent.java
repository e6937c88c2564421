package cn.bailian.kit.idempotency;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A creating POST that honours {@code Idempotency-Key}: the same key and body answer the stored response again, the
 * same key with another body is 422 (see {@link Idempotency}). The key's scope is the caller, the HTTP method and the
 * request's path (so {@code POST /plots/A/claims} and {@code POST /plots/B/claims} never share a key); the body is
 * the method's entity parameter. The kit's OpenAPI filter documents the header on every creating POST.
 *
 * <p>A body that holds personal data (a register entry) must not be kept as a plain hash: such an operation calls
 * {@link Idempotency#execute} itself with a keyed fingerprint instead.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    /** Unused by the binding; lets the annotation stay extensible without becoming part of the binding. */
    @Nonbinding
    String value() default "";
}
