package cn.bailian.kit.idempotency;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Set;

/**
 * Runs an {@link Idempotent} resource method through {@link Idempotency#execute}: the scope is the request's method
 * and path, the hashed body the entity parameter. Before any transaction of the method's own (there is none in a
 * resource), so the key's row and the work commit together.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotentInterceptor {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(
            PathParam.class,
            QueryParam.class,
            HeaderParam.class,
            BeanParam.class,
            CookieParam.class,
            FormParam.class,
            MatrixParam.class,
            Context.class);

    @Inject
    Idempotency idempotency;

    @Inject
    RoutingContext routing;

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        String key = routing.request().getHeader(Idempotency.HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        String scope =
                routing.request().method().name() + " " + routing.request().path();
        Object body = body(invocation.getMethod(), invocation.getParameters());
        return idempotency.execute(key, scope, body, () -> {
            try {
                return (Response) invocation.proceed();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The parameter JAX-RS reads from the request body: the one without a parameter annotation. */
    private static Object body(Method method, Object[] values) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            boolean annotated = false;
            for (Annotation a : parameters[i].getAnnotations()) {
                annotated |= NOT_THE_BODY.contains(a.annotationType())
                        || a.annotationType().getPackageName().equals("org.jboss.resteasy.reactive");
            }
            if (!annotated) {
                return values[i];
            }
        }
        return null;
    }
}
