package cn.bailian.resident.resident;

import cn.bailian.kit.db.Constraints;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.pii.Masking;
import cn.bailian.kit.problem.FieldError;
import cn.bailian.kit.problem.ProblemCodes;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.security.Roles;
import cn.bailian.kit.time.CommunityClock;
import cn.bailian.resident.audit.AuditTrail;
import cn.bailian.resident.pii.IdCardNumber;
import cn.bailian.resident.pii.PiiVault;
import cn.bailian.resident.resident.ResidentApi.AuditView;
import cn.bailian.resident.resident.ResidentApi.CreateResident;
import cn.bailian.resident.resident.ResidentApi.GuardianView;
import cn.bailian.resident.resident.ResidentApi.LinkGuardian;
import cn.bailian.resident.resident.ResidentApi.MoveOut;
import cn.bailian.resident.resident.ResidentApi.ResidentView;
import cn.bailian.resident.resident.ResidentApi.UpdateResident;
import cn.bailian.resident.resident.ResidentEvents.GuardianLinked;
import cn.bailian.resident.resident.ResidentEvents.ResidentMovedOut;
import cn.bailian.resident.resident.ResidentEvents.ResidentState;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Registering, changing and moving out residents; guardianship; who may see what. */
@ApplicationScoped
public class ResidentService {

    private static final Logger LOG = Logger.getLogger(ResidentService.class);
    static final String PHONE = "phone";
    static final String ID_NUMBER = "idNumber";
    public static final int ADULT_AGE = 18;

    @Inject
    PiiVault vault;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    CommunityClock clock;

    @Inject
    HouseholdDirectory households;

    // ---------------------------------------------------------------- registering

    /** Rules beyond the annotations: the ID number's check digit and its embedded birth date. */
    public static List<FieldError> checkIdNumber(String idNumber, LocalDate birthDate, String prefix, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (idNumber == null) {
            return errors;
        }
        String normalised = IdCardNumber.normalise(idNumber);
        Optional<String> problem = IdCardNumber.problem(normalised, today);
        if (problem.isPresent()) {
            errors.add(new FieldError(prefix + ID_NUMBER, problem.get(), "not a valid ID-card number (GB 11643)"));
        } else if (birthDate != null
                && !IdCardNumber.birthDate(normalised, today).orElseThrow().equals(birthDate)) {
            errors.add(new FieldError(
                    prefix + ID_NUMBER, "IdNumberBirthDateMismatch", "the ID-card number does not match birthDate"));
        }
        return errors;
    }

    /**
     * What the kit's Idempotency hashes to recognise a repeated request: the request with phone and ID number
     * replaced by their keyed hashes, because a plain SHA-256 of a body whose other fields are known could be
     * brute-forced back to the phone number.
     */
    public Object fingerprint(CreateResident request) {
        return new CreateResident(
                request.name(),
                request.gender(),
                request.birthDate(),
                request.phone() == null ? null : vault.hash(PHONE, request.phone()),
                request.idNumber() == null ? null : vault.hash(ID_NUMBER, IdCardNumber.normalise(request.idNumber())),
                request.residencyType(),
                request.householdId(),
                request.relationToHead());
    }

    /** Registers one resident; the caller must be staff of the household's community. */
    @Transactional
    public Resident register(CreateResident request) {
        caller.requireAuthenticated();
        List<FieldError> errors = checkIdNumber(request.idNumber(), request.birthDate(), "", clock.today());
        if (!errors.isEmpty()) {
            throw new ProblemException(400, ProblemCodes.VALIDATION_FAILED, errors, Map.of());
        }
        HouseholdDirectory.Place household = households
                .place(request.householdId())
                .orElseThrow(() -> ProblemException.unprocessable("HOUSEHOLD_NOT_FOUND", request.householdId()));
        caller.requireStaffOf(household.communityId());
        Resident resident = new Resident();
        resident.id = UUID.randomUUID();
        resident.communityId = household.communityId();
        resident.householdId = household.householdId();
        resident.compoundId = household.compoundId();
        resident.name = request.name().strip();
        resident.gender = request.gender();
        resident.birthDate = request.birthDate();
        setPhone(resident, request.phone());
        setIdNumber(resident, request.idNumber());
        resident.residencyType = request.residencyType();
        resident.relationToHead = request.relationToHead();
        resident.status = ResidentStatus.ACTIVE;
        resident.createdAt = timestamp();
        resident.updatedAt = resident.createdAt;
        requireNoDuplicate(resident);
        resident.persist();
        flush();
        audit.record(
                resident.communityId,
                "RESIDENT",
                resident.id,
                "REGISTERED",
                List.of(
                        "name",
                        "gender",
                        "birthDate",
                        PHONE,
                        ID_NUMBER,
                        "residencyType",
                        "householdId",
                        "relationToHead"));
        outbox.publish(ResidentEvents.REGISTERED, resident.id, state(resident));
        LOG.infof("registered resident %s in household %s", resident.id, resident.householdId);
        return resident;
    }

    private void setPhone(Resident resident, String phone) {
        resident.phoneCipher = vault.encrypt(PHONE, phone);
        resident.phoneHash = vault.hash(PHONE, phone);
        resident.phoneLast4 = phone.substring(phone.length() - 4);
    }

    private void setIdNumber(Resident resident, String idNumber) {
        if (idNumber == null) {
            return;
        }
        String normalised = IdCardNumber.normalise(idNumber);
        resident.idNumberCipher = vault.encrypt(ID_NUMBER, normalised);
        resident.idNumberHash = vault.hash(ID_NUMBER, normalised);
    }

    /** The unique index decides under concurrency; this check gives the common case a clear answer. */
    private void requireNoDuplicate(Resident resident) {
        if (resident.idNumberHash == null || resident.status != ResidentStatus.ACTIVE) {
            return;
        }
        long same = Resident.count(
                "communityId = ?1 and idNumberHash = ?2 and status = ?3 and id <> ?4",
                resident.communityId,
                resident.idNumberHash,
                ResidentStatus.ACTIVE,
                resident.id);
        if (same > 0) {
            throw ProblemException.conflict("DUPLICATE_ID_NUMBER");
        }
    }

    /** Flushes and turns the register's unique indexes into their domain codes. */
    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            String constraint = Constraints.violated(e);
            if ("resident_id_number_unique".equals(constraint)) {
                throw ProblemException.conflict("DUPLICATE_ID_NUMBER");
            }
            if ("resident_household_head_unique".equals(constraint)) {
                throw ProblemException.conflict("HOUSEHOLD_HEAD_EXISTS");
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- reading

    public Resident find(UUID id) {
        Resident resident = Resident.findById(id);
        if (resident == null) {
            throw ProblemException.notFound("RESIDENT_NOT_FOUND", id);
        }
        return resident;
    }

    /** A page of a search and the number of all its matches. */
    public record Found(List<Resident> page, long total) {}

    /**
     * A community's residents by name prefix or phone suffix, in (name, id) order, name in collation "C" (code
     * points). The order is that of the index resident_community_name_c, so the first page reads its first entries
     * instead of sorting every match (bench/sql/plans-resident.sql shows the plans of these two statements).
     */
    @SuppressWarnings("unchecked")
    public Found search(
            UUID communityId, String q, ResidencyType residencyType, ResidentStatus status, int offset, int limit) {
        StringBuilder where = new StringBuilder(" from resident r where r.community_id = :community");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("community", communityId);
        if (q != null && !q.isBlank()) {
            // backslash is LIKE's default escape character in PostgreSQL
            String term = q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            if (term.matches("\\d{1,4}")) {
                where.append(" and r.phone_last4 like :q");
                params.put("q", "%" + term);
            } else {
                where.append(" and r.name like :q");
                params.put("q", term + "%");
            }
        }
        if (residencyType != null) {
            where.append(" and r.residency_type = :type");
            params.put("type", residencyType.name());
        }
        if (status != null) {
            where.append(" and r.status = :status");
            params.put("status", status.name());
        }
        Query count = em.createNativeQuery("select count(*)" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total <= offset) {
            return new Found(List.of(), total);
        }
        Query page = em.createNativeQuery(
                        "select r.*" + where + " order by r.name collate \"C\", r.id limit :limit offset :offset",
                        Resident.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        params.forEach(page::setParameter);
        page.setParameter("limit", limit).setParameter("offset", offset);
        return new Found(page.getResultList(), total);
    }

    /** The resident and their community's staff see phone and ID number whole; everyone else masked. */
    public boolean seesWhole(Resident resident) {
        return caller.isResident(resident.id) || caller.isStaffOf(resident.communityId);
    }

    /** The caller's own household, if they are a registered resident. */
    public Optional<UUID> callerHousehold() {
        return caller.residentId()
                .flatMap(id -> Optional.ofNullable(Resident.<Resident>findById(id)))
                .filter(r -> caller.is(Roles.RESIDENT) && r.status == ResidentStatus.ACTIVE)
                .map(r -> r.householdId);
    }

    /** A household's members, eldest first, and its head: the active member whose relationToHead is SELF. */
    public record Members(UUID headId, List<ResidentView> members) {}

    /**
     * The members of a household as the caller may see them: phone and ID numbers whole for staff and for the caller's
     * own record, masked for the other members. The caller's right to see the household is the household's check.
     */
    public Members membersOf(UUID householdId) {
        List<Resident> members =
                Resident.list("householdId", Sort.by("birthDate").and("id"), householdId);
        UUID head = members.stream()
                .filter(r -> r.status == ResidentStatus.ACTIVE && r.relationToHead == RelationToHead.SELF)
                .map(r -> r.id)
                .findFirst()
                .orElse(null);
        return new Members(
                head, members.stream().map(r -> view(r, seesWhole(r), true)).toList());
    }

    /**
     * Self, staff of the community, another member of the same household, a linked guardian, or a service.
     */
    public void requireRead(Resident resident) {
        caller.requireAuthenticated();
        if (seesWhole(resident) || caller.is(Roles.SERVICE)) {
            return;
        }
        if (caller.is(Roles.RESIDENT)) {
            if (callerHousehold().filter(resident.householdId::equals).isPresent()) {
                return;
            }
            UUID me = caller.residentId().orElse(null);
            if (me != null && GuardianLink.count("childId = ?1 and guardianId = ?2", resident.id, me) > 0) {
                return;
            }
        }
        throw ProblemException.forbidden();
    }

    public ResidentView view(Resident resident) {
        return views(List.of(resident)).get(0);
    }

    public ResidentView view(Resident resident, boolean wholePii, boolean fullName) {
        return view(resident, wholePii, fullName, guardiansOf(List.of(resident)).getOrDefault(resident.id, List.of()));
    }

    /**
     * The views of residents as the caller may see them (the resident and their community's staff whole, a service
     * masked), the guardians of all of them in one query, not one per resident.
     */
    public List<ResidentView> views(List<Resident> page) {
        Map<UUID, List<GuardianView>> guardians = guardiansOf(page);
        return page.stream()
                .map(resident -> {
                    boolean whole = seesWhole(resident);
                    return view(
                            resident,
                            whole,
                            whole || !caller.is(Roles.SERVICE),
                            guardians.getOrDefault(resident.id, List.of()));
                })
                .toList();
    }

    /** Native SQL: an HQL in-list is translated afresh for every execution; this is one statement, as written. */
    @SuppressWarnings("unchecked")
    private Map<UUID, List<GuardianView>> guardiansOf(List<Resident> children) {
        if (children.isEmpty()) {
            return Map.of();
        }
        List<GuardianLink> links = em.createNativeQuery(
                        "select * from guardian_link where child_id in (:children) order by created_at, guardian_id",
                        GuardianLink.class)
                .setParameter("children", children.stream().map(r -> r.id).toList())
                .getResultList();
        return links.stream()
                .collect(Collectors.groupingBy(
                        link -> link.childId, Collectors.mapping(ResidentService::guardianView, Collectors.toList())));
    }

    private ResidentView view(Resident resident, boolean wholePii, boolean fullName, List<GuardianView> guardians) {
        String phone = vault.decrypt(PHONE, resident.phoneCipher);
        String idNumber = resident.idNumberCipher == null ? null : vault.decrypt(ID_NUMBER, resident.idNumberCipher);
        return new ResidentView(
                resident.id,
                resident.communityId,
                resident.householdId,
                resident.compoundId,
                fullName ? resident.name : Masking.name(resident.name),
                resident.gender,
                resident.birthDate,
                wholePii ? phone : Masking.phone(phone),
                wholePii ? idNumber : Masking.idNumber(idNumber),
                !wholePii,
                resident.residencyType,
                resident.relationToHead,
                resident.status,
                resident.movedOutOn,
                resident.moveOutDestination,
                guardians,
                resident.createdAt,
                resident.updatedAt,
                resident.version);
    }

    static GuardianView guardianView(GuardianLink link) {
        return new GuardianView(link.childId, link.guardianId, link.relation, link.communityId, link.createdAt);
    }

    /** One resident as the caller may see them; the check is {@link #requireRead}. */
    @Transactional
    public ResidentView get(UUID id) {
        caller.requireAuthenticated();
        Resident resident = find(id);
        requireRead(resident);
        return view(resident);
    }

    /** A page of a community's residents for its STAFF or ADMIN; see {@link #search}. */
    @Transactional
    public Page<ResidentView> list(
            UUID communityId, String q, ResidencyType residencyType, ResidentStatus status, PageRequest page) {
        caller.requireAuthenticated();
        caller.requireStaffOf(communityId);
        Found found = search(communityId, q, residencyType, status, page.offset(), page.size());
        return page.page(views(found.page()), found.total());
    }

    /** Who changed which fields of a resident when; STAFF of the community or ADMIN. */
    @Transactional
    public List<AuditView> auditOf(UUID id) {
        caller.requireAuthenticated();
        Resident resident = find(id);
        caller.requireStaffOf(resident.communityId);
        return audit.of("RESIDENT", id).stream()
                .map(e -> new AuditView(e.action(), e.actor(), e.fields(), e.at()))
                .toList();
    }

    // ---------------------------------------------------------------- changing

    @Transactional
    public ResidentView update(UUID id, String ifMatch, UpdateResident request) {
        caller.requireAuthenticated();
        Resident resident = find(id);
        boolean staff = caller.isStaffOf(resident.communityId);
        if (!staff) {
            caller.requireAuthenticated();
            boolean onlyPhone = request.name() == null
                    && request.gender() == null
                    && request.birthDate() == null
                    && request.idNumber() == null
                    && request.residencyType() == null
                    && request.householdId() == null
                    && request.relationToHead() == null;
            // a resident keeps their own phone number current; everything else is the register's (staff's) business
            if (!caller.isResident(resident.id) || !onlyPhone) {
                throw ProblemException.forbidden();
            }
        }
        cn.bailian.kit.etag.ETags.requireMatch(ifMatch, resident.version);
        resident.requireActive();
        LocalDate birthDate = request.birthDate() != null ? request.birthDate() : resident.birthDate;
        String idNumber = request.idNumber();
        if (idNumber == null && request.birthDate() != null && resident.idNumberCipher != null) {
            idNumber = vault.decrypt(ID_NUMBER, resident.idNumberCipher); // a new birth date must still match it
        }
        List<FieldError> errors = checkIdNumber(idNumber, birthDate, "", clock.today());
        if (!errors.isEmpty()) {
            throw new ProblemException(400, ProblemCodes.VALIDATION_FAILED, errors, Map.of());
        }
        List<String> changed = new ArrayList<>();
        if (request.name() != null && !request.name().strip().equals(resident.name)) {
            resident.name = request.name().strip();
            changed.add("name");
        }
        if (request.gender() != null && request.gender() != resident.gender) {
            resident.gender = request.gender();
            changed.add("gender");
        }
        if (request.birthDate() != null && !request.birthDate().equals(resident.birthDate)) {
            resident.birthDate = request.birthDate();
            changed.add("birthDate");
        }
        if (request.phone() != null && !vault.hash(PHONE, request.phone()).equals(resident.phoneHash)) {
            setPhone(resident, request.phone());
            changed.add(PHONE);
        }
        if (request.idNumber() != null
                && !vault.hash(ID_NUMBER, IdCardNumber.normalise(request.idNumber()))
                        .equals(resident.idNumberHash)) {
            setIdNumber(resident, request.idNumber());
            requireNoDuplicate(resident);
            changed.add(ID_NUMBER);
        }
        if (request.residencyType() != null && request.residencyType() != resident.residencyType) {
            resident.residencyType = request.residencyType();
            changed.add("residencyType");
        }
        if (request.householdId() != null && !request.householdId().equals(resident.householdId)) {
            HouseholdDirectory.Place target = households
                    .place(request.householdId())
                    .orElseThrow(() -> ProblemException.unprocessable("HOUSEHOLD_NOT_FOUND", request.householdId()));
            if (!target.communityId().equals(resident.communityId)) {
                throw ProblemException.unprocessable("HOUSEHOLD_OTHER_COMMUNITY");
            }
            resident.householdId = target.householdId();
            resident.compoundId = target.compoundId();
            changed.add("householdId");
        }
        if (request.relationToHead() != null && request.relationToHead() != resident.relationToHead) {
            resident.relationToHead = request.relationToHead();
            changed.add("relationToHead");
        }
        if (changed.isEmpty()) {
            return view(resident);
        }
        resident.updatedAt = timestamp();
        flush();
        audit.record(resident.communityId, "RESIDENT", resident.id, "UPDATED", changed);
        outbox.publish(ResidentEvents.UPDATED, resident.id, state(resident));
        return view(resident);
    }

    @Transactional
    public ResidentView moveOut(UUID id, MoveOut request) {
        caller.requireAuthenticated();
        // locked before it is read: concurrent move-outs queue here and the later ones see MOVED_OUT
        Resident resident = Resident.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (resident == null) {
            throw ProblemException.notFound("RESIDENT_NOT_FOUND", id);
        }
        caller.requireStaffOf(resident.communityId);
        resident.moveOut(request.date(), request.destination(), timestamp());
        flush();
        audit.record(
                resident.communityId,
                "RESIDENT",
                resident.id,
                "MOVED_OUT",
                List.of("status", "movedOutOn", "moveOutDestination"));
        outbox.publish(
                ResidentEvents.MOVED_OUT,
                resident.id,
                new ResidentMovedOut(resident.id, resident.communityId, resident.householdId, resident.movedOutOn));
        outbox.publish(ResidentEvents.UPDATED, resident.id, state(resident));
        LOG.infof("resident %s moved out on %s", resident.id, resident.movedOutOn);
        return view(resident);
    }

    /**
     * A child (under 18) gets an adult guardian of the same community. Staff may link anyone; a resident may
     * name themselves guardian of a child of their own household.
     */
    @Transactional
    public GuardianLink linkGuardian(UUID childId, LinkGuardian request) {
        caller.requireAuthenticated();
        Resident child = find(childId);
        Resident guardian = Resident.findById(request.guardianId());
        if (guardian == null) {
            throw ProblemException.unprocessable("GUARDIAN_NOT_FOUND", request.guardianId());
        }
        boolean ownChild = caller.isResident(guardian.id) && guardian.householdId.equals(child.householdId);
        if (!ownChild) {
            caller.requireStaffOf(child.communityId);
        }
        if (!guardian.communityId.equals(child.communityId)) {
            throw ProblemException.unprocessable("GUARDIAN_OTHER_COMMUNITY");
        }
        child.requireActive();
        guardian.requireActive();
        LocalDate today = clock.today();
        if (Period.between(child.birthDate, today).getYears() >= ADULT_AGE) {
            throw ProblemException.unprocessable("GUARDIAN_CHILD_NOT_MINOR");
        }
        if (Period.between(guardian.birthDate, today).getYears() < ADULT_AGE) {
            throw ProblemException.unprocessable("GUARDIAN_NOT_ADULT");
        }
        GuardianLink.Key key = new GuardianLink.Key();
        key.childId = child.id;
        key.guardianId = guardian.id;
        if (GuardianLink.findById(key) != null) {
            throw ProblemException.conflict("GUARDIAN_ALREADY_LINKED");
        }
        GuardianLink link = new GuardianLink();
        link.childId = child.id;
        link.guardianId = guardian.id;
        link.communityId = child.communityId;
        link.relation = request.relation();
        link.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e) != null) {
                throw ProblemException.conflict("GUARDIAN_ALREADY_LINKED");
            }
            throw e;
        }
        em.refresh(link);
        audit.record(child.communityId, "RESIDENT", child.id, "GUARDIAN_LINKED", List.of("guardianId", "relation"));
        outbox.publish(
                ResidentEvents.GUARDIAN_LINKED,
                child.id,
                new GuardianLinked(child.id, guardian.id, link.relation, child.communityId));
        return link;
    }

    // ---------------------------------------------------------------- events

    /** compoundId is always the household's: set with householdId, and the trigger resident_compound insists. */
    public static ResidentState state(Resident resident) {
        return new ResidentState(
                resident.id,
                resident.communityId,
                resident.householdId,
                resident.compoundId,
                Masking.name(resident.name),
                resident.gender,
                resident.birthDate,
                resident.residencyType,
                resident.status,
                resident.movedOutOn);
    }

    /** The instant of a change, in UTC and at PostgreSQL's precision (so the value read back equals the one written). */
    private OffsetDateTime timestamp() {
        return clock.getClock().instant().atOffset(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
