package cn.bailian.resident.audit;

import cn.bailian.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Who changed what and when, in the transaction of the change. Field names only, never values. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    public record AuditEntry(String action, String actor, List<String> fields, OffsetDateTime at) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID communityId, String entityType, UUID entityId, String action, Collection<String> fields) {
        em.createNativeQuery("""
                        insert into audit_entry (community_id, entity_type, entity_id, action, actor, fields)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as text[]))""")
                .setParameter(1, communityId)
                .setParameter(2, entityType)
                .setParameter(3, entityId)
                .setParameter(4, action)
                .setParameter(5, caller.subject())
                .setParameter(6, "{" + String.join(",", fields.stream().sorted().toList()) + "}")
                .executeUpdate();
    }

    public List<AuditEntry> of(String entityType, UUID entityId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select action, actor, array_to_string(fields, ','), at from audit_entry
                        where entity_type = ?1 and entity_id = ?2 order by id""")
                .setParameter(1, entityType)
                .setParameter(2, entityId)
                .getResultList();
        return rows.stream()
                .map(r -> new AuditEntry(
                        (String) r[0],
                        (String) r[1],
                        ((String) r[2]).isEmpty() ? List.of() : List.of(((String) r[2]).split(",")),
                        toOffset(r[3])))
                .toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
