package cn.bailian.kit.inbox;

import cn.bailian.kit.event.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where events that could not be applied wait for a person, with what went wrong. */
@ApplicationScoped
public class ParkedEvents {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void park(ConsumerRecord<String, String> record, CloudEvent event, Exception error) {
        String message = error.toString();
        em.createNativeQuery("""
                        insert into parked_event (topic, kafka_partition, kafka_offset, event_id, event_type, payload, error)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, record.topic())
                .setParameter(2, record.partition())
                .setParameter(3, record.offset())
                .setParameter(4, event == null ? null : event.id())
                .setParameter(5, event == null ? null : event.type())
                .setParameter(6, record.value())
                .setParameter(7, message.length() > 2000 ? message.substring(0, 2000) : message)
                .executeUpdate();
    }

    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from parked_event")
                        .getSingleResult())
                .longValue();
    }
}
