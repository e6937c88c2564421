package cn.bailian.resident.participation;

import cn.bailian.kit.event.CloudEvent;
import cn.bailian.resident.ResidentConfig;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns another service's event that names a resident into one timeline entry with the points configured
 * for its type. Entries are keyed by the resident id alone: an event may arrive before the resident is in
 * the register, and the ranking joins the register when it is read.
 */
@ApplicationScoped
public class ParticipationRecorder {

    @Inject
    EntityManager em;

    @Inject
    ResidentConfig config;

    /** {@code cn.bailian.farm.journal.recorded.v1} → {@code journal.recorded}. */
    static String shortType(String type) {
        String rest = type.startsWith("cn.bailian.") ? type.substring("cn.bailian.".length()) : type;
        int dot = rest.indexOf('.');
        if (dot > 0) {
            rest = rest.substring(dot + 1);
        }
        return rest.replaceFirst("\\.v\\d+$", "");
    }

    /** The most specific configured key wins: {@code journal.recorded.HARVEST} before {@code journal.recorded}. */
    int pointsFor(String type, String qualifier) {
        List<String> keys = new ArrayList<>();
        String base = shortType(type);
        if (qualifier != null && !qualifier.isBlank()) {
            keys.add(base + "." + qualifier);
        }
        keys.add(base);
        for (String key : keys) {
            Integer points = config.participation().points().get(key);
            if (points != null) {
                return Math.max(0, points);
            }
        }
        return 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(CloudEvent event, String qualifier, String detail) {
        JsonNode data = event.data();
        UUID residentId = uuid(data.path("residentId"));
        UUID communityId = uuid(data.path("communityId"));
        if (residentId == null || communityId == null) {
            return; // nothing to credit: an anonymous donation, an organisation's booking
        }
        OffsetDateTime at = event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC);
        em.createNativeQuery("""
                        insert into participation_entry
                            (id, source_event_id, event_type, resident_id, community_id, subject_id, detail, points, occurred_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (source_event_id) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, residentId)
                .setParameter(5, communityId)
                .setParameter(6, event.subject())
                .setParameter(7, detail)
                .setParameter(8, pointsFor(event.type(), qualifier))
                .setParameter(9, at)
                .executeUpdate();
    }

    static UUID uuid(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(JsonNode data, String field) {
        JsonNode node = data.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
