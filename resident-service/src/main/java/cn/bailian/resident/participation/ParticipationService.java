package cn.bailian.resident.participation;

import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.pii.Masking;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.security.Roles;
import cn.bailian.resident.community.Community;
import cn.bailian.resident.participation.ParticipationApi.EntryView;
import cn.bailian.resident.participation.ParticipationApi.ParticipationView;
import cn.bailian.resident.participation.ParticipationApi.RankingRow;
import cn.bailian.resident.resident.Resident;
import cn.bailian.resident.resident.ResidentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Reading the participation record the event handlers write: a resident's timeline, a community's ranking. */
@ApplicationScoped
public class ParticipationService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ResidentService residents;

    /** The resident, their household, their guardians, STAFF of the community and ADMIN; no district system. */
    @Transactional
    public ParticipationView of(UUID id, PageRequest page) {
        caller.requireAuthenticated();
        if (caller.is(Roles.SERVICE) && !caller.isAdmin()) {
            throw ProblemException
                    .forbidden(); // the record is the resident's and their community's: no district system reads it
        }
        Resident resident = residents.find(id);
        residents.requireRead(resident);
        Object[] totals = (Object[]) em.createNativeQuery(
                        "select count(*), coalesce(sum(points), 0) from participation_entry where resident_id = ?1")
                .setParameter(1, id)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select event_type, detail, subject_id, points, occurred_at from participation_entry
                        where resident_id = ?1 order by occurred_at desc, id limit ?2 offset ?3""")
                .setParameter(1, id)
                .setParameter(2, page.size())
                .setParameter(3, page.offset())
                .getResultList();
        List<EntryView> items = rows.stream()
                .map(r -> new EntryView(
                        (String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(), instant(r[4])))
                .toList();
        return new ParticipationView(
                id,
                ((Number) totals[1]).longValue(),
                items,
                page.page(),
                page.size(),
                ((Number) totals[0]).longValue());
    }

    /** Public; active residents with masked names only, most points first. */
    @Transactional
    public Page<RankingRow> ranking(UUID communityId, PageRequest page) {
        Community.require(communityId);
        Number total =
                (Number) em.createNativeQuery("""
                        select count(distinct p.resident_id) from participation_entry p
                        join resident r on r.id = p.resident_id and r.community_id = p.community_id and r.status = 'ACTIVE'
                        where p.community_id = ?1""").setParameter(1, communityId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select rank() over (order by sum(p.points) desc), r.name, sum(p.points), count(*)
                        from participation_entry p
                        join resident r on r.id = p.resident_id and r.community_id = p.community_id and r.status = 'ACTIVE'
                        where p.community_id = ?1
                        group by r.id, r.name
                        order by sum(p.points) desc, r.id limit ?2 offset ?3""")
                .setParameter(1, communityId)
                .setParameter(2, page.size())
                .setParameter(3, page.offset())
                .getResultList();
        List<RankingRow> items = rows.stream()
                .map(r -> new RankingRow(
                        ((Number) r[0]).longValue(),
                        Masking.name((String) r[1]),
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue()))
                .toList();
        return page.page(items, total.longValue());
    }

    static OffsetDateTime instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
