package cn.bailian.kit.outbox;

import cn.bailian.kit.KitConfig;
import cn.bailian.kit.db.AfterCommit;
import cn.bailian.kit.event.CloudEvent;
import cn.bailian.kit.event.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records a domain event in the same transaction as the change it describes. The event reaches Kafka only
 * if that transaction commits, and then certainly (the relay retries until the broker takes it).
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    KitConfig config;

    @Inject
    OutboxRelay relay;

    /**
     * @param type        the CloudEvents type, e.g. {@code cn.bailian.farm.plot.claimed.v1}
     * @param aggregateId the aggregate the event is about: CloudEvents subject and Kafka key
     * @param data        the payload (a record); never personal data such as phone or ID-card numbers
     * @return the event as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String type, Object aggregateId, Object data) {
        CloudEvent event = new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                CloudEvent.sourceOf(config.serviceName()),
                type,
                aggregateId.toString(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                CloudEvent.JSON,
                EventJson.tree(data));
        em.createNativeQuery("""
                        insert into outbox_event (event_id, topic, aggregate_id, event_type, payload)
                        values (cast(?1 as uuid), ?2, ?3, ?4, ?5)""")
                .setParameter(1, event.id())
                .setParameter(2, config.events().topic())
                .setParameter(3, event.subject())
                .setParameter(4, event.type())
                .setParameter(5, EventJson.write(event))
                .executeUpdate();
        wakeRelayAfterCommit();
        return event;
    }

    /** The relay polls anyway; waking it on commit takes the poll interval out of the event latency. */
    private void wakeRelayAfterCommit() {
        AfterCommit.once(transactions, WAKE_REGISTERED, relay::wake);
    }
}
