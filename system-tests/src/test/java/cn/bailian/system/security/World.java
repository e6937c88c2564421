package cn.bailian.system.security;

import static cn.bailian.system.Api.as;
import static org.awaitility.Awaitility.await;

import cn.bailian.system.Api;
import cn.bailian.system.Platform;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.IdNumbers;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A community with everything the four services hold (compound, households, residents with phone and
 * ID-card numbers, an organisation, a farm with claimed plots, a waitlist, a lottery and an offer, venues, a
 * published activity with an enrollment and a booking, a fund with donations, projects in every state), and
 * a second community whose staff are strangers here. Built once per test JVM over HTTP only; the fresh*
 * methods make a new object for a call that uses one up (a claim to release, a draft to publish).
 */
public final class World {

    private static World shared;
    private static final AtomicInteger SEQ = new AtomicInteger();
    /** Every phone and ID-card number this world registered: the PII scan looks for them. */
    private static final Set<String> PII = ConcurrentHashMap.newKeySet();

    private final Api.Neighbourhood home;
    private final Api.Neighbourhood away;
    private final Deque<UUID> spares = new ArrayDeque<>();
    public final UUID self;
    public final UUID selfHousehold;
    public final UUID other;
    public final UUID organization;
    public final UUID farm;
    public final UUID selfPlot;
    public final UUID selfClaim;
    public final UUID waitlistEntry;
    public final UUID waiter;
    public final UUID lottery;
    public final UUID offer;
    public final UUID offeree;
    public final UUID venue;
    public final UUID activity;
    public final UUID session;
    public final UUID selfEnrollment;
    public final UUID selfBooking;
    public final UUID fund;
    public final UUID selfDonation;
    public final UUID proposedProject;
    public final UUID approvedProject;

    public static synchronized World get() {
        if (shared == null) {
            shared = new World();
        }
        return shared;
    }

    public static Set<String> registeredPii() {
        return Set.copyOf(PII);
    }

    private World() {
        home = Api.neighbourhood("入侵测试社区" + UUID.randomUUID().toString().substring(0, 8));
        away = Api.neighbourhood("邻近社区" + UUID.randomUUID().toString().substring(0, 8));
        selfHousehold = home.householdId();
        self = register(selfHousehold, "胡小明", LocalDate.of(1984, 5, 6), "SELF");
        other = register(home.newHousehold("r" + SEQ.incrementAndGet()), "李四", LocalDate.of(1979, 2, 3), "SELF");
        organization = id(as(staff(), "resident-service")
                .body(Map.of(
                        "communityId",
                        communityId(),
                        "name",
                        "营造社" + SEQ.incrementAndGet(),
                        "kind",
                        "SOCIAL_ORGANISATION"))
                .post("/api/v1/organizations"));
        addSpares(12);
        awaitKnown(List.of(self, other));

        farm = freshFarm();
        selfPlot = freshPlot(farm);
        selfClaim = claim(selfPlot, self, 12);
        waiter = spare();
        waitlistEntry = joinWaitlist(farm, waiter);
        UUID[] drawn = lotteryWithOffer();
        lottery = drawn[0];
        offer = drawn[1];
        offeree = drawn[2];

        venue = freshVenue();
        activity = freshActivity(true);
        session = UUID.fromString(as(staff(), "activity-service")
                .get("/api/v1/activities/" + activity + "/sessions")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id"));
        selfEnrollment = enrol(activity, self);
        selfBooking = book(venue, self, SEQ.incrementAndGet() * 2L + 500);

        fund = id(as(staff(), "fund-service")
                .body(Map.of("communityId", communityId(), "name", "共享基金", "kind", "COMMUNITY"))
                .post("/api/v1/funds"));
        selfDonation = donate(self, 50_000_000);
        proposedProject = freshProject();
        approvedProject = freshApprovedProject();
    }

    public UUID communityId() {
        return home.communityId();
    }

    public UUID otherCommunityId() {
        return away.communityId();
    }

    public UUID compound() {
        return home.compoundId();
    }

    public String staff() {
        return home.staffToken();
    }

    /** A resident of this community other than {@code owner}, not of their household. */
    public UUID outsider(UUID owner) {
        return other.equals(owner) ? self : other;
    }

    public static int next() {
        return SEQ.incrementAndGet();
    }

    // ---- resident-service

    public static String phone() {
        String phone = "13" + (5 + ThreadLocalRandom.current().nextInt(5))
                + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        PII.add(phone);
        return phone;
    }

    /** A valid GB 11643 ID-card number for the birth date. */
    public static String idNumber(LocalDate birth) {
        String id = IdNumbers.random(birth);
        PII.add(id);
        return id;
    }

    public Map<String, Object> person(UUID household, String name, LocalDate birth, String relation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("gender", "FEMALE");
        body.put("birthDate", birth.toString());
        body.put("phone", phone());
        body.put("idNumber", idNumber(birth));
        body.put("residencyType", "PERMANENT");
        body.put("householdId", household);
        body.put("relationToHead", relation);
        return body;
    }

    public UUID register(UUID household, String name, LocalDate birth, String relation) {
        return id(as(staff(), "resident-service")
                .body(person(household, name, birth, relation))
                .post("/api/v1/residents"));
    }

    public UUID freshHousehold() {
        return home.newHousehold("h" + next());
    }

    /** A resident in a household of their own whom farm, activity and fund already know. */
    public synchronized UUID spare() {
        if (spares.isEmpty()) {
            addSpares(8);
        }
        return spares.pop();
    }

    private void addSpares(int count) {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(register(freshHousehold(), "备用居民" + next(), LocalDate.of(1990, 1, 1 + i % 28), "SELF"));
        }
        awaitKnown(made);
        spares.addAll(made);
    }

    private void awaitKnown(List<UUID> residents) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> residents.stream().allMatch(r -> {
                    try {
                        return Platform.get()
                                                .connectAndCount(
                                                        "farm-service",
                                                        "select count(*) from resident_projection where resident_id = cast(? as uuid)",
                                                        r)
                                        == 1
                                && Platform.get()
                                                .connectAndCount(
                                                        "activity-service",
                                                        "select count(*) from resident where id = cast(? as uuid)",
                                                        r)
                                        == 1
                                && Platform.get()
                                                .connectAndCount(
                                                        "fund-service",
                                                        "select count(*) from known_resident where resident_id = cast(? as uuid)",
                                                        r)
                                        == 1;
                    } catch (java.sql.SQLException e) {
                        return false;
                    }
                }));
    }

    public String etag(String service, String path) {
        return as(staff(), service).get(path).then().statusCode(200).extract().header("ETag");
    }

    // ---- farm-service

    public UUID freshFarm() {
        return id(as(staff(), "farm-service")
                .body(Map.of("communityId", communityId(), "name", "农场" + next(), "location", "楼顶"))
                .post("/api/v1/farms"));
    }

    public UUID freshPlot(UUID inFarm) {
        int n = next();
        return id(as(staff(), "farm-service")
                .body(Map.of("code", "Q-" + (n % 1000), "areaM2", 6.5, "gridRow", n % 1000, "gridColumn", n / 1000))
                .post("/api/v1/farms/" + inFarm + "/plots"));
    }

    public UUID claim(UUID plot, UUID resident, int termMonths) {
        return id(as(staff(), "farm-service")
                .body(Map.of("residentId", resident, "termMonths", termMonths))
                .post("/api/v1/plots/" + plot + "/claims"));
    }

    /** A fresh plot claimed by a fresh resident for one month (so renewable at once). */
    public UUID[] freshClaim() {
        UUID resident = spare();
        UUID plot = freshPlot(farm);
        return new UUID[] {claim(plot, resident, 1), resident, plot};
    }

    public UUID joinWaitlist(UUID inFarm, UUID resident) {
        return id(as(staff(), "farm-service")
                .body(Map.of("residentId", resident))
                .post("/api/v1/farms/" + inFarm + "/waitlist"));
    }

    /** A farm of its own with one free plot and one resident waiting: the draw offers it. {lottery, offer, resident}. */
    public UUID[] lotteryWithOffer() {
        UUID ownFarm = freshFarm();
        freshPlot(ownFarm);
        UUID resident = spare();
        joinWaitlist(ownFarm, resident);
        UUID drawn = id(as(staff(), "farm-service")
                .body(Map.of("plotCount", 1, "seed", 42))
                .post("/api/v1/farms/" + ownFarm + "/lotteries"));
        UUID offerId = UUID.fromString(as(staff(), "farm-service")
                .queryParam("residentId", resident)
                .get("/api/v1/offers")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id"));
        return new UUID[] {drawn, offerId, resident};
    }

    // ---- activity-service

    public UUID freshVenue() {
        List<Map<String, String>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("dayOfWeek", day, "opens", "00:00", "closes", "00:00"));
        }
        return id(as(staff(), "activity-service")
                .body(Map.of(
                        "communityId",
                        communityId(),
                        "name",
                        "活动室" + next(),
                        "kind",
                        "ROOM",
                        "capacity",
                        200,
                        "openingHours",
                        hours))
                .post("/api/v1/venues"));
    }

    /** An hour-long slot of its own, days ahead, so sessions and bookings never overlap. */
    public static OffsetDateTime slot(long n) {
        return OffsetDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.HOURS)
                .plusDays(2)
                .plusHours(n);
    }

    public Map<String, Object> draftBody() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityId", communityId());
        body.put("title", "亲子烘焙" + next());
        body.put("category", "BAKING");
        body.put("model", "PUBLIC_WELFARE");
        body.put("capacity", 100);
        body.put("parentChild", false);
        body.put("enrollmentOpensAt", now.minusHours(1).toString());
        body.put("enrollmentClosesAt", now.plusDays(1).toString());
        return body;
    }

    /** A draft with one session (published if asked). */
    public UUID freshActivity(boolean publish) {
        UUID id = id(as(staff(), "activity-service").body(draftBody()).post("/api/v1/activities"));
        as(staff(), "activity-service")
                .body(sessionBody(next()))
                .post("/api/v1/activities/" + id + "/sessions")
                .then()
                .statusCode(201);
        if (publish) {
            as(staff(), "activity-service")
                    .post("/api/v1/activities/" + id + "/publish")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    public Map<String, Object> sessionBody(long n) {
        OffsetDateTime start = slot(n);
        return Map.of(
                "startsAt", start.toString(), "endsAt", start.plusMinutes(50).toString(), "venueId", venue);
    }

    public UUID enrol(UUID inActivity, UUID participant) {
        return id(as(staff(), "activity-service")
                .body(Map.of("participantId", participant))
                .post("/api/v1/activities/" + inActivity + "/enrollments"));
    }

    public Map<String, Object> bookingBody(UUID resident, OffsetDateTime start) {
        return Map.of(
                "residentId",
                resident,
                "startsAt",
                start.toString(),
                "endsAt",
                start.plusMinutes(50).toString(),
                "purpose",
                "邻里议事",
                "attendees",
                5);
    }

    public UUID book(UUID inVenue, UUID resident, long n) {
        return id(as(staff(), "activity-service")
                .body(bookingBody(resident, slot(n)))
                .post("/api/v1/venues/" + inVenue + "/bookings"));
    }

    /** A booking starting in ten minutes, in a venue of its own: check-in is open. */
    public UUID bookingStartingSoon(UUID resident) {
        OffsetDateTime start =
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10).truncatedTo(ChronoUnit.SECONDS);
        return id(as(staff(), "activity-service")
                .body(bookingBody(resident, start))
                .post("/api/v1/venues/" + freshVenue() + "/bookings"));
    }

    // ---- fund-service

    public Map<String, Object> donationBody(UUID donor, long amountFen) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("donorKind", "RESIDENT");
        body.put("donorId", donor);
        body.put("displayName", "居民");
        body.put("anonymous", false);
        body.put("amountFen", amountFen);
        body.put("channel", "WECHAT_PAY");
        body.put("paymentReference", "WX-" + UUID.randomUUID());
        return body;
    }

    public UUID donate(UUID donor, long amountFen) {
        return id(as(staff(), "fund-service")
                .body(donationBody(donor, amountFen))
                .post("/api/v1/funds/" + fund + "/donations"));
    }

    public Map<String, Object> projectBody() {
        return new LinkedHashMap<>(Map.of(
                "title", "楼道照明" + next(), "description", "更换楼道灯", "type", "PUBLIC_WELFARE", "budgetFen", 1_000_000));
    }

    public UUID freshProject() {
        return id(as(staff(), "fund-service").body(projectBody()).post("/api/v1/funds/" + fund + "/projects"));
    }

    /** A fresh project through both reviews: in its public notice (two seconds in the system tests). */
    public UUID freshProjectInNotice() {
        UUID project = freshProject();
        for (String step : List.of("COUNCIL", "COMMITTEE")) {
            as(staff(), "fund-service")
                    .body(Map.of("step", step, "decision", "APPROVE", "comment", "同意"))
                    .post("/api/v1/projects/" + project + "/reviews")
                    .then()
                    .statusCode(201);
        }
        return project;
    }

    public UUID freshApprovedProject() {
        UUID project = freshProjectInNotice();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "APPROVED"
                        .equals(as(staff(), "fund-service")
                                .get("/api/v1/projects/" + project)
                                .then()
                                .extract()
                                .path("status")));
        return project;
    }

    /** {objection id, project id}: a resident's objection to a project in its notice period. */
    public UUID[] freshObjection() {
        UUID project = freshProjectInNotice();
        UUID objection = id(as(DevTokens.resident(self, communityId()), "fund-service")
                .body(Map.of("reason", "照明位置不合理"))
                .post("/api/v1/projects/" + project + "/objections"));
        return new UUID[] {objection, project};
    }

    /** {milestone id, its ETag}. */
    public String[] freshMilestone() {
        String title = "采购" + next();
        Response created = as(staff(), "fund-service")
                .body(Map.of("title", title, "progressPercent", 0))
                .post("/api/v1/projects/" + approvedProject + "/milestones");
        created.then().statusCode(201);
        List<Map<String, Object>> milestones = created.path("milestones");
        Map<String, Object> made = milestones.stream()
                .filter(m -> title.equals(m.get("title")))
                .findFirst()
                .orElseThrow();
        return new String[] {made.get("id").toString(), "\"" + made.get("version") + "\""};
    }

    public static UUID id(Response response) {
        response.then()
                .statusCode(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.greaterThanOrEqualTo(200), org.hamcrest.Matchers.lessThan(300)));
        return UUID.fromString(response.path("id"));
    }
}
