package cn.bailian.kit.inbox;

import cn.bailian.kit.event.CloudEvent;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies one kind of event from another service. Implementations are CDI beans; the kit's consumer
 * subscribes to their topics and calls {@link #handle} inside a transaction that has already recorded the
 * event id, so an event delivered twice is applied once. Throwing rolls the whole application back.
 */
public interface EventHandler {

    /** The topic the events come from, e.g. bailian.resident.events. */
    String topic();

    /** The CloudEvents types this handler applies. Other types on the topic are skipped. */
    Set<String> eventTypes();

    void handle(CloudEvent event);

    /** Topic → the types these handlers apply: what a service consumes (its AsyncAPI document says the same). */
    static Map<String, Set<String>> subscriptions(Iterable<? extends EventHandler> handlers) {
        Map<String, Set<String>> subscriptions = new TreeMap<>();
        handlers.forEach(h ->
                subscriptions.computeIfAbsent(h.topic(), t -> new TreeSet<>()).addAll(h.eventTypes()));
        return subscriptions;
    }
}
