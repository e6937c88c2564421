package cn.bailian.kit.inbox;

import cn.bailian.kit.event.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The processed-events table: the first insert of an event id wins, every later one is a duplicate. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** @return true if this event id was not seen before (and is now recorded in this transaction) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(CloudEvent event) {
        int inserted = em.createNativeQuery("""
                        insert into processed_event (event_id, event_type, source)
                        values (?1, ?2, ?3) on conflict (event_id) do nothing""")
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .setParameter(3, event.source())
                .executeUpdate();
        return inserted == 1;
    }
}
