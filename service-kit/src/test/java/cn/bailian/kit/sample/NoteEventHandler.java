package cn.bailian.kit.sample;

import cn.bailian.kit.event.CloudEvent;
import cn.bailian.kit.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Set;

/** Consumes the sample's own topic; "poison" notes always fail, to exercise parking. */
@ApplicationScoped
public class NoteEventHandler implements EventHandler {

    @Inject
    EntityManager em;

    @Override
    public String topic() {
        return "bailian.kit-sample.events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(NoteResource.CREATED);
    }

    @Override
    public void handle(CloudEvent event) {
        NoteResource.NoteCreated created = event.dataAs(NoteResource.NoteCreated.class);
        em.createNativeQuery("insert into note_applied (event_id, note_id) values (?1, ?2)")
                .setParameter(1, event.id())
                .setParameter(2, String.valueOf(created.noteId()))
                .executeUpdate();
        if (created.priority() == 13) {
            throw new IllegalStateException("unlucky note");
        }
    }
}
