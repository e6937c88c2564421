package cn.bailian.system.security;

import static cn.bailian.system.security.Who.ADMIN;
import static cn.bailian.system.security.Who.RESIDENT_OTHER;
import static cn.bailian.system.security.Who.RESIDENT_SELF;
import static cn.bailian.system.security.Who.SERVICE;
import static cn.bailian.system.security.Who.STAFF;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * THE declaration of who may call what: for every operationId of the four OpenAPI documents, the callers the
 * rules allow and how to make a call of it that can really succeed in the {@link World}. The authorisation
 * matrix, the bad-input generator and the injection test are all driven by it; an operation in a document
 * without an entry here fails {@code AuthorizationMatrixIT}.
 *
 * <p>Callers not allowed get 401 without a valid token and 403 with one; allowed callers get a 2xx.
 * {@code RESIDENT_SELF} is the resident the call acts for ({@link Target#owner()}); {@code RESIDENT_OTHER} is
 * another resident of the same community (another household).
 */
public final class AccessRules {

    static final Set<Who> PUBLIC = EnumSet.allOf(Who.class);
    static final Set<Who> STAFF_ONLY = EnumSet.of(STAFF, ADMIN);
    static final Set<Who> SELF_OR_STAFF = EnumSet.of(RESIDENT_SELF, STAFF, ADMIN);

    /**
     * One operation's rule. {@code mutates}: each allowed call needs a target of its own (the factory is called
     * again for it); callers that must be refused share one target, which they must leave untouched.
     */
    public record Rule(String operationId, Set<Who> allowed, boolean mutates, Function<World, Target> target) {
        public int expectedFor(Who who, Target t) {
            if (allowed.contains(who)) {
                return 200;
            }
            return who.unauthenticated() ? 401 : 403;
        }
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    private static void read(String id, Set<Who> allowed, Function<World, Target> target) {
        RULES.put(id, new Rule(id, allowed, false, target));
    }

    private static void write(String id, Set<Who> allowed, Function<World, Target> target) {
        RULES.put(id, new Rule(id, allowed, true, target));
    }

    private static Set<Who> plus(Set<Who> base, Who... more) {
        EnumSet<Who> set = EnumSet.copyOf(base);
        set.addAll(Set.of(more));
        return set;
    }

    private static Target get(String service, String path) {
        return Target.of(service, "GET", path);
    }

    private static Target post(String service, String path) {
        return Target.of(service, "POST", path);
    }

    private static final String R = "resident-service";
    private static final String F = "farm-service";
    private static final String A = "activity-service";
    private static final String M = "fund-service";

    static {
        // ---------------- resident-service
        read("listCommunities", PUBLIC, w -> get(R, "/api/v1/communities"));
        write(
                "createCommunity",
                Set.of(ADMIN),
                w -> post(R, "/api/v1/communities").body(Map.of("name", "新社区" + UUID.randomUUID(), "district", "成华区")));
        read("getCommunity", PUBLIC, w -> get(R, "/api/v1/communities/" + w.communityId()));
        read(
                "getParticipationRanking",
                PUBLIC,
                w -> get(R, "/api/v1/communities/" + w.communityId() + "/participation/ranking"));
        read("getCommunityStats", STAFF_ONLY, w -> get(R, "/api/v1/communities/" + w.communityId() + "/stats"));
        read("listCompounds", PUBLIC, w -> get(R, "/api/v1/compounds").query("communityId", w.communityId()));
        write(
                "createCompound",
                STAFF_ONLY,
                w -> post(R, "/api/v1/compounds")
                        .body(Map.of(
                                "communityId", w.communityId(), "name", "院落" + World.next(), "type", "COMMERCIAL")));
        write(
                "createHousehold",
                STAFF_ONLY,
                w -> post(R, "/api/v1/households")
                        .body(Map.of(
                                "compoundId", w.compound(), "building", "8", "unit", "1", "room", "x" + World.next())));
        read(
                "getHousehold",
                SELF_OR_STAFF,
                w -> get(R, "/api/v1/households/" + w.selfHousehold).owner(w.self));
        read("listHouseholds", STAFF_ONLY, w -> get(R, "/api/v1/households").query("compoundId", w.compound()));
        write("updateHousehold", STAFF_ONLY, w -> {
            UUID household = w.freshHousehold();
            return Target.of(R, "PUT", "/api/v1/households/" + household)
                    .header("If-Match", w.etag(R, "/api/v1/households/" + household))
                    .body(Map.of("building", "9", "unit", "1", "room", "u" + World.next()));
        });
        write(
                "importHouseholds",
                STAFF_ONLY,
                w -> post(R, "/api/v1/households/import")
                        .body(
                                "compoundId,building,unit,room\n" + w.compound() + ",9,2,i" + World.next() + "\n",
                                "text/csv"));
        read("listOrganizations", PUBLIC, w -> get(R, "/api/v1/organizations").query("communityId", w.communityId()));
        write(
                "createOrganization",
                STAFF_ONLY,
                w -> post(R, "/api/v1/organizations")
                        .body(Map.of(
                                "communityId",
                                w.communityId(),
                                "name",
                                "志愿队" + World.next(),
                                "kind",
                                "RESIDENT_GROUP")));
        write(
                "registerResident",
                STAFF_ONLY,
                w -> post(R, "/api/v1/residents")
                        .body(w.person(w.freshHousehold(), "王芳", LocalDate.of(1991, 7, 8), "SELF")));
        read("listResidents", STAFF_ONLY, w -> get(R, "/api/v1/residents").query("communityId", w.communityId()));
        write(
                "importResidents",
                STAFF_ONLY,
                w -> post(R, "/api/v1/residents/import")
                        .body(
                                "name,gender,birthDate,phone,idNumber,residencyType,householdId,relationToHead\n"
                                        + "赵敏,FEMALE,1988-03-04," + World.phone() + ","
                                        + World.idNumber(LocalDate.of(1988, 3, 4)) + ",PERMANENT," + w.freshHousehold()
                                        + ",SELF\n",
                                "text/csv"));
        write(
                "updateResident",
                SELF_OR_STAFF,
                w -> Target.of(R, "PATCH", "/api/v1/residents/" + w.self)
                        .owner(w.self)
                        .header("If-Match", w.etag(R, "/api/v1/residents/" + w.self))
                        .body(Map.of("phone", World.phone())));
        read(
                "getResident",
                plus(SELF_OR_STAFF, SERVICE),
                w -> get(R, "/api/v1/residents/" + w.self).owner(w.self));
        read("getResidentAudit", STAFF_ONLY, w -> get(R, "/api/v1/residents/" + w.self + "/audit"));
        write(
                "linkGuardian",
                SELF_OR_STAFF,
                w -> post(
                                R,
                                "/api/v1/residents/"
                                        + w.register(w.selfHousehold, "胡小宝", LocalDate.of(2018, 6, 1), "CHILD")
                                        + "/guardians")
                        .body(Map.of("guardianId", w.self, "relation", "MOTHER"))
                        .owner(w.self));
        write(
                "moveOutResident",
                STAFF_ONLY,
                w -> post(
                                R,
                                "/api/v1/residents/"
                                        + w.register(w.freshHousehold(), "孙迁", LocalDate.of(1970, 1, 1), "SELF")
                                        + "/move-out")
                        .body(Map.of("date", LocalDate.now().toString(), "destination", "外地")));
        read(
                "getParticipation",
                SELF_OR_STAFF,
                w -> get(R, "/api/v1/residents/" + w.self + "/participation").owner(w.self));

        // ---------------- farm-service
        read("listFarms", PUBLIC, w -> get(F, "/api/v1/farms").query("communityId", w.communityId()));
        write(
                "createFarm",
                STAFF_ONLY,
                w -> post(F, "/api/v1/farms")
                        .body(Map.of("communityId", w.communityId(), "name", "新农场" + World.next())));
        read("getFarm", PUBLIC, w -> get(F, "/api/v1/farms/" + w.farm));
        read("listFarmJournal", PUBLIC, w -> get(F, "/api/v1/farms/" + w.farm + "/journal"));
        read("listPlots", PUBLIC, w -> get(F, "/api/v1/farms/" + w.farm + "/plots"));
        write("createPlot", STAFF_ONLY, w -> {
            int n = World.next();
            return post(F, "/api/v1/farms/" + w.farm + "/plots")
                    .body(Map.of(
                            "code", "P-" + (n % 1000), "areaM2", 5, "gridRow", n % 1000, "gridColumn", 500 + n / 1000));
        });
        read("getPlot", PUBLIC, w -> get(F, "/api/v1/plots/" + w.selfPlot));
        write("updatePlot", STAFF_ONLY, w -> {
            UUID plot = w.freshPlot(w.farm);
            return Target.of(F, "PATCH", "/api/v1/plots/" + plot)
                    .header("If-Match", w.etag(F, "/api/v1/plots/" + plot))
                    .body(Map.of("status", "MAINTENANCE", "note", "修整"));
        });
        write("claimPlot", SELF_OR_STAFF, w -> {
            UUID resident = w.spare();
            return post(F, "/api/v1/plots/" + w.freshPlot(w.farm) + "/claims")
                    .body(Map.of("residentId", resident, "termMonths", 12))
                    .owner(resident);
        });
        read(
                "getClaim",
                SELF_OR_STAFF,
                w -> get(F, "/api/v1/claims/" + w.selfClaim).owner(w.self));
        read(
                "listClaims",
                SELF_OR_STAFF,
                w -> get(F, "/api/v1/claims").query("residentId", w.self).owner(w.self));
        read(
                "listWarnings",
                SELF_OR_STAFF,
                w -> get(F, "/api/v1/claims/" + w.selfClaim + "/warnings").owner(w.self));
        write("releaseClaim", SELF_OR_STAFF, w -> {
            UUID[] claim = w.freshClaim();
            return post(F, "/api/v1/claims/" + claim[0] + "/release").owner(claim[1]);
        });
        write("renewClaim", SELF_OR_STAFF, w -> {
            UUID[] claim = w.freshClaim();
            return post(F, "/api/v1/claims/" + claim[0] + "/renew").owner(claim[1]);
        });
        write("revokeClaim", STAFF_ONLY, w -> {
            UUID[] claim = w.freshClaim();
            for (int i = 0; i < 2; i++) { // a warning, then its failed re-inspection
                cn.bailian.system.Api.as(w.staff(), F)
                        .body(Map.of("grade", "POOR"))
                        .post("/api/v1/plots/" + claim[2] + "/inspections")
                        .then()
                        .statusCode(201);
            }
            return post(F, "/api/v1/claims/" + claim[0] + "/revoke").body(Map.of("reason", "长期荒废"));
        });
        write("drawLottery", STAFF_ONLY, w -> {
            UUID farm = w.freshFarm();
            w.freshPlot(farm);
            w.joinWaitlist(farm, w.spare());
            return post(F, "/api/v1/farms/" + farm + "/lotteries").body(Map.of("plotCount", 1, "seed", 7));
        });
        read("getLottery", PUBLIC, w -> get(F, "/api/v1/lotteries/" + w.lottery));
        read("verifyLottery", PUBLIC, w -> get(F, "/api/v1/lotteries/" + w.lottery + "/verify"));
        read("listWaitlist", PUBLIC, w -> get(F, "/api/v1/farms/" + w.farm + "/waitlist"));
        write("joinWaitlist", SELF_OR_STAFF, w -> {
            UUID resident = w.spare();
            return post(F, "/api/v1/farms/" + w.farm + "/waitlist")
                    .body(Map.of("residentId", resident))
                    .owner(resident);
        });
        read(
                "getWaitlistEntry",
                SELF_OR_STAFF,
                w -> get(F, "/api/v1/waitlist/" + w.waitlistEntry).owner(w.waiter));
        write("leaveWaitlist", SELF_OR_STAFF, w -> {
            UUID resident = w.spare();
            return Target.of(F, "DELETE", "/api/v1/waitlist/" + w.joinWaitlist(w.farm, resident))
                    .owner(resident);
        });
        write(
                "moveWaitlistEntry",
                STAFF_ONLY,
                w -> post(F, "/api/v1/waitlist/" + w.waitlistEntry + "/position")
                        .body(Map.of("position", 1, "reason", "照顾老人")));
        read(
                "listOffers",
                SELF_OR_STAFF,
                w -> get(F, "/api/v1/offers").query("residentId", w.offeree).owner(w.offeree));
        read("getOffer", SELF_OR_STAFF, w -> get(F, "/api/v1/offers/" + w.offer).owner(w.offeree));
        write("acceptOffer", SELF_OR_STAFF, w -> {
            UUID[] drawn = w.lotteryWithOffer();
            return post(F, "/api/v1/offers/" + drawn[1] + "/accept").owner(drawn[2]);
        });
        write("declineOffer", SELF_OR_STAFF, w -> {
            UUID[] drawn = w.lotteryWithOffer();
            return post(F, "/api/v1/offers/" + drawn[1] + "/decline").owner(drawn[2]);
        });
        read("listInspections", STAFF_ONLY, w -> get(F, "/api/v1/plots/" + w.selfPlot + "/inspections"));
        write(
                "recordInspection",
                STAFF_ONLY,
                w -> post(F, "/api/v1/plots/" + w.selfPlot + "/inspections")
                        .body(Map.of("grade", "GOOD", "note", "长势良好")));
        write(
                "recordJournalEntry",
                Set.of(RESIDENT_SELF),
                w -> post(F, "/api/v1/plots/" + w.selfPlot + "/journal")
                        .body(Map.of("kind", "WATERING", "note", "浇水"))
                        .owner(w.self));
        read("listPlotJournal", PUBLIC, w -> get(F, "/api/v1/plots/" + w.selfPlot + "/journal"));
        read(
                "getEligibility",
                plus(SELF_OR_STAFF, SERVICE),
                w -> get(F, "/api/v1/residents/" + w.self + "/eligibility").owner(w.self));

        // ---------------- activity-service
        read("listVenues", PUBLIC, w -> get(A, "/api/v1/venues").query("communityId", w.communityId()));
        write(
                "createVenue",
                STAFF_ONLY,
                w -> post(A, "/api/v1/venues")
                        .body(Map.of(
                                "communityId",
                                w.communityId(),
                                "name",
                                "会议室" + World.next(),
                                "kind",
                                "MEETING_ROOM",
                                "capacity",
                                20,
                                "openingHours",
                                java.util.List.of(
                                        Map.of("dayOfWeek", "MONDAY", "opens", "08:00", "closes", "18:00")))));
        read("getVenue", PUBLIC, w -> get(A, "/api/v1/venues/" + w.venue));
        read("listVenueSlots", PUBLIC, w -> get(A, "/api/v1/venues/" + w.venue + "/bookings"));
        write("bookVenue", SELF_OR_STAFF, w -> {
            UUID resident = w.spare();
            return post(A, "/api/v1/venues/" + w.venue + "/bookings")
                    .body(w.bookingBody(resident, World.slot(World.next() * 2L + 500)))
                    .owner(resident);
        });
        read(
                "getBooking",
                SELF_OR_STAFF,
                w -> get(A, "/api/v1/bookings/" + w.selfBooking).owner(w.self));
        write("cancelBooking", SELF_OR_STAFF, w -> {
            UUID resident = w.spare();
            return post(A, "/api/v1/bookings/" + w.book(w.venue, resident, World.next() * 2L + 500) + "/cancel")
                    .owner(resident);
        });
        write("checkInBooking", SELF_OR_STAFF, w -> {
            UUID resident = w.spare();
            return post(A, "/api/v1/bookings/" + w.bookingStartingSoon(resident) + "/check-in")
                    .owner(resident);
        });
        read("listActivities", PUBLIC, w -> get(A, "/api/v1/activities").query("communityId", w.communityId()));
        write("createActivity", STAFF_ONLY, w -> post(A, "/api/v1/activities").body(w.draftBody()));
        read("getActivity", PUBLIC, w -> get(A, "/api/v1/activities/" + w.activity));
        write("publishActivity", STAFF_ONLY, w -> post(A, "/api/v1/activities/" + w.freshActivity(false) + "/publish"));
        write("cancelActivity", STAFF_ONLY, w -> post(A, "/api/v1/activities/" + w.freshActivity(true) + "/cancel"));
        read("listSessions", PUBLIC, w -> get(A, "/api/v1/activities/" + w.activity + "/sessions"));
        write(
                "addSession",
                STAFF_ONLY,
                w -> post(A, "/api/v1/activities/" + w.activity + "/sessions").body(w.sessionBody(World.next())));
        write("enrol", SELF_OR_STAFF, w -> {
            UUID resident = w.spare();
            return post(A, "/api/v1/activities/" + w.activity + "/enrollments")
                    .body(Map.of("participantId", resident))
                    .owner(resident);
        });
        read("listActivityEnrollments", STAFF_ONLY, w -> get(A, "/api/v1/activities/" + w.activity + "/enrollments"));
        read(
                "listResidentEnrollments",
                SELF_OR_STAFF,
                w -> get(A, "/api/v1/enrollments").query("residentId", w.self).owner(w.self));
        read(
                "getEnrollment",
                SELF_OR_STAFF,
                w -> get(A, "/api/v1/enrollments/" + w.selfEnrollment).owner(w.self));
        write("cancelEnrollment", SELF_OR_STAFF, w -> {
            UUID resident = w.spare();
            return post(A, "/api/v1/enrollments/" + w.enrol(w.activity, resident) + "/cancel")
                    .owner(resident);
        });
        write(
                "checkIn",
                STAFF_ONLY,
                w -> post(A, "/api/v1/sessions/" + w.session + "/check-ins")
                        .body(Map.of("enrollmentId", w.enrol(w.activity, w.spare()))));
        read("listAttendance", STAFF_ONLY, w -> get(A, "/api/v1/sessions/" + w.session + "/attendance"));

        // ---------------- fund-service
        read("listFunds", PUBLIC, w -> get(M, "/api/v1/funds").query("communityId", w.communityId()));
        write(
                "createFund",
                STAFF_ONLY,
                w -> post(M, "/api/v1/funds")
                        .body(Map.of(
                                "communityId", w.communityId(), "name", "专项基金" + World.next(), "kind", "SPECIAL")));
        read("getFund", PUBLIC, w -> get(M, "/api/v1/funds/" + w.fund));
        write(
                "recordDonation",
                plus(STAFF_ONLY, SERVICE),
                w -> post(M, "/api/v1/funds/" + w.fund + "/donations").body(w.donationBody(w.self, 1000)));
        read("listDonations", STAFF_ONLY, w -> get(M, "/api/v1/funds/" + w.fund + "/donations"));
        read(
                "getDonation",
                SELF_OR_STAFF,
                w -> get(M, "/api/v1/donations/" + w.selfDonation).owner(w.self));
        write(
                "refundDonation",
                STAFF_ONLY,
                w -> post(M, "/api/v1/donations/" + w.selfDonation + "/refunds")
                        .body(Map.of("amountFen", 1, "reason", "重复付款")));
        read("listLedger", PUBLIC, w -> get(M, "/api/v1/funds/" + w.fund + "/ledger"));
        read("verifyLedger", PUBLIC, w -> get(M, "/api/v1/funds/" + w.fund + "/ledger/verify"));
        read("transparencyReport", PUBLIC, w -> get(M, "/api/v1/funds/" + w.fund + "/transparency"));
        write("proposeProject", SELF_OR_STAFF, w -> {
            Map<String, Object> body = w.projectBody();
            body.put("proposerKind", "RESIDENT");
            body.put("proposerId", w.self);
            return post(M, "/api/v1/funds/" + w.fund + "/projects").body(body).owner(w.self);
        });
        read("listProjects", PUBLIC, w -> get(M, "/api/v1/funds/" + w.fund + "/projects"));
        read("getProject", PUBLIC, w -> get(M, "/api/v1/projects/" + w.proposedProject));
        write(
                "reviewProject",
                STAFF_ONLY,
                w -> post(M, "/api/v1/projects/" + w.freshProject() + "/reviews")
                        .body(Map.of("step", "COUNCIL", "decision", "APPROVE")));
        write(
                "objectToProject",
                EnumSet.of(RESIDENT_SELF, RESIDENT_OTHER),
                w -> post(M, "/api/v1/projects/" + w.freshProjectInNotice() + "/objections")
                        .body(Map.of("reason", "预算偏高"))
                        .owner(w.self));
        read("listObjections", STAFF_ONLY, w -> get(M, "/api/v1/projects/" + w.approvedProject + "/objections"));
        write("decideObjection", STAFF_ONLY, w -> {
            UUID[] objection = w.freshObjection();
            return post(M, "/api/v1/projects/" + objection[1] + "/objections/" + objection[0] + "/decision")
                    .body(Map.of("decision", "DISMISS", "note", "已说明"));
        });
        write(
                "addMilestone",
                STAFF_ONLY,
                w -> post(M, "/api/v1/projects/" + w.approvedProject + "/milestones")
                        .body(Map.of("title", "验收" + World.next(), "progressPercent", 10)));
        write("updateMilestone", STAFF_ONLY, w -> {
            String[] milestone = w.freshMilestone();
            return Target.of(M, "PATCH", "/api/v1/projects/" + w.approvedProject + "/milestones/" + milestone[0])
                    .header("If-Match", milestone[1])
                    .body(Map.of("progressPercent", 50, "note", "过半"));
        });
        read("listDisbursements", PUBLIC, w -> get(M, "/api/v1/projects/" + w.approvedProject + "/disbursements"));
        read("traceProject", PUBLIC, w -> get(M, "/api/v1/projects/" + w.approvedProject + "/trace"));
        write(
                "disburse",
                STAFF_ONLY,
                w -> post(M, "/api/v1/projects/" + w.approvedProject + "/disbursements")
                        .body(Map.of(
                                "amountFen",
                                100,
                                "payeeKind",
                                "OUTSIDE",
                                "payee",
                                "灯具店",
                                "purpose",
                                "灯具",
                                "invoiceReference",
                                "INV-" + World.next())));
        write(
                "completeProject",
                STAFF_ONLY,
                w -> post(M, "/api/v1/projects/" + w.freshApprovedProject() + "/complete")
                        .body(Map.of("report", "已完工")));
    }

    private AccessRules() {}

    public static Map<String, Rule> all() {
        return RULES;
    }

    public static Rule of(String operationId) {
        return RULES.get(operationId);
    }
}
