package cn.bailian.activity.venue;

import cn.bailian.kit.db.Constraints;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VenueService {

    @Inject
    Caller caller;

    @Transactional
    public VenueApi.VenueView create(VenueApi.CreateVenue request) {
        caller.requireStaffOf(request.communityId());
        Venue venue = new Venue();
        venue.id = UUID.randomUUID();
        venue.communityId = request.communityId();
        venue.name = request.name().strip();
        venue.kind = request.kind();
        venue.capacity = request.capacity();
        for (int i = 0; i < request.openingHours().size(); i++) {
            VenueApi.Window w = request.openingHours().get(i);
            OpeningHours hours = new OpeningHours(w.dayOfWeek(), w.opens(), w.closes());
            if (!hours.valid()) {
                throw ProblemException.invalidField(
                        "openingHours[" + i + "].closes", "Window", "must be after opens (00:00 means midnight)");
            }
            venue.openingHours.add(hours);
        }
        venue.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            venue.persistAndFlush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "venue_community_id_name_key")) {
                throw ProblemException.conflict("VENUE_NAME_TAKEN", venue.name);
            }
            throw e;
        }
        return VenueApi.VenueView.of(venue);
    }

    @Transactional
    public List<Venue> list(UUID communityId, int page, int size) {
        return Venue.<Venue>find("communityId = ?1", Sort.by("name").and("id"), communityId)
                .page(page, size)
                .list();
    }

    @Transactional
    public long count(UUID communityId) {
        return Venue.count("communityId = ?1", communityId);
    }

    @Transactional
    public VenueApi.VenueView get(UUID id) {
        return VenueApi.VenueView.of(require(id));
    }

    /** The venue, or 404 VENUE_NOT_FOUND. */
    public static Venue require(UUID id) {
        Venue venue = Venue.findById(id);
        if (venue == null) {
            throw ProblemException.notFound("VENUE_NOT_FOUND", id);
        }
        return venue;
    }
}
