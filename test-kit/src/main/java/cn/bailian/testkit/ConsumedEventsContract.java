package cn.bailian.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * Consumer-driven contract of a service's event handlers: the examples the producers commit in their AsyncAPI
 * documents, sent on their topics, go through the service's real consumer and handlers; the service says, per event
 * type, what applying it changed ({@link #assertApplied}). A producer that renames or retypes a field a consumer reads
 * fails here. What the handlers subscribe to must equal what the service's own AsyncAPI document says it receives.
 */
public abstract class ConsumedEventsContract {

    /** Asserts the example was applied (a projection row, a participation entry …); fail for a type not expected. */
    protected abstract void assertApplied(String type, JsonNode event);

    @Test
    void theProducersExamplesAreApplied() {
        AsyncApiContract.assertConsumerContract(handlerSubscriptions(), this::assertApplied);
    }

    /**
     * Topic → types of the service's {@code EventHandler} beans. By name, because the test kit is built before the
     * service kit that defines the interface (the service kit's own tests use the test kit).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> handlerSubscriptions() {
        try {
            Class<?> handler = Class.forName(
                    "cn.bailian.kit.inbox.EventHandler",
                    true,
                    Thread.currentThread().getContextClassLoader());
            Iterable<?> handlers = CDI.current().select(handler, Any.Literal.INSTANCE);
            Method subscriptions = handler.getMethod("subscriptions", Iterable.class);
            return (Map<String, Set<String>>) subscriptions.invoke(null, handlers);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the service kit's EventHandler is not on the classpath", e);
        }
    }
}
