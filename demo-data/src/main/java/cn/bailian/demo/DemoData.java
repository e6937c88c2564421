package cn.bailian.demo;

import static cn.bailian.demo.Calls.call;
import static cn.bailian.demo.Calls.eventually;

import cn.bailian.client.activity.model.ActivityView;
import cn.bailian.client.activity.model.Category;
import cn.bailian.client.activity.model.CreateActivity;
import cn.bailian.client.activity.model.CreateSession;
import cn.bailian.client.activity.model.CreateVenue;
import cn.bailian.client.activity.model.DayOfWeek;
import cn.bailian.client.activity.model.Enrol;
import cn.bailian.client.activity.model.Model;
import cn.bailian.client.activity.model.Status1;
import cn.bailian.client.activity.model.Window;
import cn.bailian.client.farm.model.CreateClaim;
import cn.bailian.client.farm.model.CreateFarm;
import cn.bailian.client.farm.model.CreatePlot;
import cn.bailian.client.farm.model.EligibilityView;
import cn.bailian.client.farm.model.FarmView;
import cn.bailian.client.farm.model.JoinWaitlist;
import cn.bailian.client.farm.model.JournalKind;
import cn.bailian.client.farm.model.PlotStatus;
import cn.bailian.client.farm.model.PlotView;
import cn.bailian.client.farm.model.RecordEntry;
import cn.bailian.client.farm.model.UpdatePlot;
import cn.bailian.client.fund.model.Channel;
import cn.bailian.client.fund.model.CreateDisbursement;
import cn.bailian.client.fund.model.CreateDonation;
import cn.bailian.client.fund.model.CreateFund;
import cn.bailian.client.fund.model.CreateMilestone;
import cn.bailian.client.fund.model.CreateProject;
import cn.bailian.client.fund.model.CreateReview;
import cn.bailian.client.fund.model.Decision;
import cn.bailian.client.fund.model.DonorKind;
import cn.bailian.client.fund.model.FundView;
import cn.bailian.client.fund.model.PayeeKind;
import cn.bailian.client.fund.model.ProjectView;
import cn.bailian.client.fund.model.ProposerKind;
import cn.bailian.client.fund.model.Status;
import cn.bailian.client.fund.model.Step;
import cn.bailian.client.fund.model.Type;
import cn.bailian.client.resident.model.Community;
import cn.bailian.client.resident.model.CompoundType;
import cn.bailian.client.resident.model.CreateCommunity;
import cn.bailian.client.resident.model.CreateCompound;
import cn.bailian.client.resident.model.CreateHousehold;
import cn.bailian.client.resident.model.CreateOrganization;
import cn.bailian.client.resident.model.CreateResident;
import cn.bailian.client.resident.model.Gender;
import cn.bailian.client.resident.model.GuardianRelation;
import cn.bailian.client.resident.model.LinkGuardian;
import cn.bailian.client.resident.model.OrganizationKind;
import cn.bailian.client.resident.model.RelationToHead;
import cn.bailian.client.resident.model.ResidencyType;
import cn.bailian.testkit.IdNumbers;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the Bailian (白莲社区) demo data through the public HTTP APIs of the four services, with the clients
 * generated from the committed OpenAPI documents. It never touches a database: an Idempotency-Key on every
 * creating request and stable payment references make a re-run book nothing twice. When the community exists
 * and the data is complete it says so and stops; when an earlier run stopped half-way it carries on where that
 * run stopped (the same keys replay the same answers; the services keep them a day, so resume within a day).
 *
 * <p>All people, addresses, phone numbers (1380000xxxx) and organisations are fictional. The few ID-card
 * numbers carry a valid GB 11643 check character but the region code 510199, which no district has.
 */
public final class DemoData {

    public static final String COMMUNITY_NAME = "白莲社区";
    public static final String COMMUNITY_DISTRICT = "成都市成华区白莲池街道";
    public static final String FUND_NAME = "白莲社区发展治理共享基金";
    public static final String FARM_NAME = "白莲社区屋顶生态农场";
    /** The project proposed last: its presence tells a later run that the data is complete. */
    public static final String LAST_PROJECT = "坝坝社群";
    /** The community's calendar: every date of the demo is a day in Chengdu. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final ZoneOffset CHENGDU = ZoneOffset.ofHours(8);
    /** Every Idempotency-Key of the loader starts with this; change it only to load the data afresh. */
    static final String K = "demo-data-v1";

    /**
     * @param eventTimeout how long to wait for a service to learn of residents and organisations through Kafka
     * @param noticeWait   a project's public notice (公示) ends on its own; if it ends within this, the loader
     *                     waits for the approval and books the first disbursement (the dev profile's notice
     *                     lasts two minutes; production's 7 days)
     * @param force        go through every step even when the data is complete (each creating request replays
     *                     its first answer: a check that nothing is booked twice)
     */
    public record Settings(Duration eventTimeout, Duration noticeWait, boolean force) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(180), Duration.ofSeconds(240), false);
        }
    }

    /** What was loaded (or found). */
    public record Summary(
            UUID communityId,
            UUID farmId,
            UUID fundId,
            boolean alreadyComplete,
            int plotsClaimed,
            int waiting,
            int activities,
            int enrollments,
            long balanceFen,
            long ledgerEntries) {}

    private final ServiceUrls urls;
    private final TokenSource tokens;
    private final Settings settings;
    private final PrintStream out;
    private final long started = System.nanoTime();

    private Apis admin;
    private Apis staff;
    private UUID communityId;
    private UUID farmId;
    private UUID fundId;
    private LocalDate anchor;
    private final Map<String, UUID> compounds = new HashMap<>();
    private final Map<String, UUID> organisations = new LinkedHashMap<>();
    private final Map<String, UUID> households = new LinkedHashMap<>();
    private final Map<String, UUID> residents = new LinkedHashMap<>();
    private final Map<String, UUID> venues = new LinkedHashMap<>();
    private final Map<String, UUID> plots = new LinkedHashMap<>();
    private final Map<String, UUID> activities = new LinkedHashMap<>();
    private final Map<String, UUID> projects = new LinkedHashMap<>();
    private UUID lastResident;

    public DemoData(ServiceUrls urls, TokenSource tokens, Settings settings, PrintStream out) {
        this.urls = urls;
        this.tokens = tokens;
        this.settings = settings;
        this.out = out;
    }

    public Summary load() {
        say("services: resident " + urls.resident() + ", farm " + urls.farm() + ", activity " + urls.activity()
                + ", fund " + urls.fund());
        admin = Apis.as(urls, tokens.admin());
        Optional<Summary> present = alreadyComplete();
        if (present.isPresent()) {
            return present.get();
        }
        communityAndOrganisations();
        householdsAndResidents();
        venues();
        plots();
        waitUntilFarmKnowsTheResidents();
        claimsWaitlistAndJournal();
        courses();
        enrollments();
        fundProjectsAndDonations();
        approvalAndFirstDisbursement();
        lastProject();
        FundView fund = call("GET fund", () -> staff.fund().getFund(fundId));
        Summary summary = new Summary(
                communityId,
                farmId,
                fundId,
                false,
                rows(CLAIMS).size(),
                WAITLIST.size(),
                activities.size(),
                rows(ENROLMENTS).size(),
                fund.getBalanceFen(),
                fund.getLedgerEntries());
        say("done in " + elapsed() + " s");
        out.printf("    community %s   %s%n", COMMUNITY_NAME, communityId);
        out.printf(
                "    farm      %s   %s   (%d claimed, %d waiting)%n",
                FARM_NAME, farmId, summary.plotsClaimed(), summary.waiting());
        out.printf("    courses   %d published, %d enrollments%n", summary.activities(), summary.enrollments());
        out.printf(
                "    fund      %s   %s   balance %d fen, %d ledger entries%n",
                FUND_NAME, fundId, summary.balanceFen(), summary.ledgerEntries());
        out.println("    Walkthrough: docs/walkthrough.md");
        return summary;
    }

    // ---------------------------------------------------------------- guard

    private Optional<Summary> alreadyComplete() {
        Optional<UUID> community =
                call("GET communities", () -> admin.resident().listCommunities(null, "100")).getItems().stream()
                        .filter(c -> COMMUNITY_NAME.equals(c.getName()))
                        .map(Community::getId)
                        .findFirst();
        if (community.isEmpty()) {
            return Optional.empty();
        }
        communityId = community.get();
        boolean complete = false;
        Optional<FundView> fund =
                call("GET funds", () -> admin.fund().listFunds(communityId, null, "100")).getItems().stream()
                        .filter(f -> FUND_NAME.equals(f.getName()))
                        .findFirst();
        if (fund.isPresent()) {
            fundId = fund.get().getId();
            complete =
                    call("GET projects", () -> admin.fund().listProjects(fundId, null, "100", null)).getItems().stream()
                                    .anyMatch(p -> LAST_PROJECT.equals(p.getTitle()))
                            && call("GET fund", () -> admin.fund().getFund(fundId))
                                            .getDonatedFen()
                                    != 0;
        }
        if (complete && !settings.force()) {
            say("the demo data is already present: community " + COMMUNITY_NAME + " " + communityId + ", fund " + fundId
                    + "; nothing to do");
            FundView f = call("GET fund", () -> admin.fund().getFund(fundId));
            return Optional.of(
                    new Summary(communityId, null, fundId, true, 0, 0, 0, 0, f.getBalanceFen(), f.getLedgerEntries()));
        }
        say(
                complete
                        ? "community " + COMMUNITY_NAME + " exists (" + communityId
                                + ") and the demo data is complete; force: going through every step again"
                        : "community " + COMMUNITY_NAME + " exists (" + communityId
                                + ") but the demo data is incomplete: carrying on where the last run stopped");
        return Optional.empty();
    }

    // ---------------------------------------------------------------- community, compounds, organisations

    private void communityAndOrganisations() {
        if (communityId == null) {
            communityId = call(
                            "POST community",
                            () -> admin.resident()
                                    .createCommunity(
                                            new CreateCommunity()
                                                    .name(COMMUNITY_NAME)
                                                    .district(COMMUNITY_DISTRICT),
                                            K + "-community"))
                    .getId();
        }
        staff = Apis.as(urls, tokens.staff(communityId));
        say("community: " + COMMUNITY_NAME + " (" + COMMUNITY_DISTRICT + "; 2.66 km², founded January 2002) id "
                + communityId);

        // The farm first: its creation time anchors every date below, so a resumed run sends the same bodies.
        FarmView farm = call(
                "POST farm",
                () -> staff.farm()
                        .createFarm(
                                new CreateFarm()
                                        .communityId(communityId)
                                        .name(FARM_NAME)
                                        .location("党群服务中心楼顶"),
                                K + "-farm"));
        farmId = farm.getId();
        anchor = farm.getCreatedAt().atZoneSameInstant(ZONE).toLocalDate();

        for (String[] row : rows(COMPOUNDS)) {
            compounds.put(
                    row[0],
                    call(
                                    "POST compound " + row[1],
                                    () -> staff.resident()
                                            .createCompound(
                                                    new CreateCompound()
                                                            .communityId(communityId)
                                                            .name(row[1])
                                                            .type(CompoundType.fromValue(row[2])),
                                                    K + "-compound-" + row[0]))
                            .getId());
        }
        say("compounds: 白莲小区 (农转非安置), 莲池机电厂家属院 (驻区单位), 莲韵花园 (商品房)");

        for (String[] row : rows(ORGANISATIONS)) {
            organisations.put(
                    row[0],
                    call(
                                    "POST organisation " + row[1],
                                    () -> staff.resident()
                                            .createOrganization(
                                                    new CreateOrganization()
                                                            .communityId(communityId)
                                                            .name(row[1])
                                                            .kind(OrganizationKind.fromValue(row[2]))
                                                            .description(row[3]),
                                                    K + "-org-" + row[0]))
                            .getId());
        }
        say("organisations: " + organisations.size()
                + " (social organisations, a social enterprise, a social-worker agency, a resident group, a unit)");
    }

    // ---------------------------------------------------------------- households and residents

    private void householdsAndResidents() {
        for (String[] row : rows(HOUSEHOLDS)) {
            households.put(
                    row[0],
                    call(
                                    "POST household " + row[0],
                                    () -> staff.resident()
                                            .createHousehold(
                                                    new CreateHousehold()
                                                            .compoundId(compounds.get(row[1]))
                                                            .building(row[2])
                                                            .unit(row[3])
                                                            .room(row[4]),
                                                    K + "-household-" + row[0]))
                            .getId());
        }
        say("households: " + households.size() + " at 白莲小区, 莲池机电厂家属院 and 莲韵花园");

        // Minors are reached through their household's first phone number.
        Map<String, String> phoneOfHousehold = new HashMap<>();
        int n = 0;
        for (String[] row : rows(RESIDENTS)) {
            n++;
            String household = row[0];
            String name = row[1];
            Gender gender = Gender.fromValue(row[2]);
            LocalDate birth = LocalDate.parse(row[3]);
            String phone;
            if (!birth.plusYears(18).atStartOfDay(ZONE).toInstant().isAfter(Instant.now())) {
                phone = String.format("1380000%04d", n);
                phoneOfHousehold.putIfAbsent(household, phone);
            } else {
                phone = phoneOfHousehold.get(household);
            }
            String idNumber = null;
            if (row[6].equals("1")) {
                int sequence = 100 + 2 * n + (gender == Gender.MALE ? 1 : 0);
                idNumber = IdNumbers.of(IdNumbers.FICTIONAL_REGION, birth, sequence);
            }
            CreateResident body = new CreateResident()
                    .name(name)
                    .gender(gender)
                    .birthDate(birth)
                    .phone(phone)
                    .idNumber(idNumber)
                    .residencyType(ResidencyType.fromValue(row[4]))
                    .householdId(households.get(household))
                    .relationToHead(RelationToHead.fromValue(row[5]));
            String key = K + "-resident-" + household + "-" + n;
            lastResident = call("POST resident " + name, () -> staff.resident().registerResident(body, key))
                    .getId();
            residents.put(name, lastResident);
        }
        say("residents: " + residents.size()
                + " registered (permanent and floating; fictional names, phones 1380000xxxx)");

        for (String[] row : rows(GUARDIANS)) {
            UUID child = residents.get(row[0]);
            UUID guardian = residents.get(row[1]);
            call(
                    "POST guardian " + row[1] + " of " + row[0],
                    () -> staff.resident()
                            .linkGuardian(
                                    child,
                                    new LinkGuardian()
                                            .guardianId(guardian)
                                            .relation(GuardianRelation.fromValue(row[2])),
                                    K + "-guardian-" + child + "-" + guardian));
        }
        say("guardians: " + rows(GUARDIANS).size() + " links between children and their parents or grandparents");
    }

    // ---------------------------------------------------------------- venues (activity-service)

    private static List<Window> hours(List<DayOfWeek> days, String opens, String closes) {
        return days.stream()
                .map(d -> new Window().dayOfWeek(d).opens(opens).closes(closes))
                .toList();
    }

    private void venues() {
        List<DayOfWeek> all = Arrays.asList(DayOfWeek.values());
        List<DayOfWeek> tueSun = all.subList(1, 7);
        List<DayOfWeek> weekdays = all.subList(0, 5);
        List<DayOfWeek> weekend = all.subList(5, 7);
        Map<String, List<Window>> openingHours = Map.of(
                "children", concat(hours(tueSun, "09:00", "12:00"), hours(tueSun, "14:00", "20:00")),
                "meeting", concat(hours(weekdays, "09:00", "21:00"), hours(weekend, "09:00", "18:00")),
                "hall", hours(all, "08:30", "21:00"),
                "rooftop", hours(all, "07:00", "19:00"));
        for (String[] row : rows(VENUES)) {
            venues.put(
                    row[0],
                    call(
                                    "POST venue " + row[1],
                                    () -> staff.activity()
                                            .createVenue(
                                                    new CreateVenue()
                                                            .communityId(communityId)
                                                            .name(row[1])
                                                            .kind(cn.bailian.client.activity.model.Kind.fromValue(
                                                                    row[2]))
                                                            .capacity(Integer.parseInt(row[3]))
                                                            .openingHours(openingHours.get(row[4])),
                                                    K + "-venue-" + row[0]))
                            .getId());
        }
        say("venues: " + venues.size()
                + " (children's home rooms, meeting room, activity area, booths, rooftop) with opening hours");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---------------------------------------------------------------- farm: plots (farm-service)

    private void plots() {
        // 24 plots in four rows A–D of six; row D, by the stairs, is the children's education plot.
        String letters = "ABCD";
        for (int row = 0; row < 4; row++) {
            char letter = letters.charAt(row);
            BigDecimal area = switch (letter) {
                case 'C' -> new BigDecimal("7.50");
                case 'D' -> new BigDecimal("10.00");
                default -> new BigDecimal("6.00");
            };
            for (int column = 0; column < 6; column++) {
                String code = String.format("%s-%02d", letter, column + 1);
                CreatePlot body =
                        new CreatePlot().code(code).areaM2(area).gridRow(row).gridColumn(column);
                plots.put(
                        code,
                        call("POST plot " + code, () -> staff.farm().createPlot(farmId, body, K + "-plot-" + code))
                                .getId());
            }
        }
        for (String code : List.of("D-01", "D-02", "D-03", "D-04")) {
            setPlotStatus(code, PlotStatus.RESERVED_FOR_EDUCATION, "亲子教育基地：社区儿童农耕课专用");
        }
        setPlotStatus("D-06", PlotStatus.MAINTENANCE, "楼顶防水层检修，完工后重新开放认领");
        say("farm: " + FARM_NAME + " id " + farmId
                + ", 24 plots A-01…D-06 (D-01…D-04 reserved for education, D-06 under maintenance)");
    }

    /** Status changes carry If-Match; a resumed run finds them done already. */
    private void setPlotStatus(String code, PlotStatus status, String note) {
        PlotView plot = call("GET plot " + code, () -> staff.farm().getPlot(plots.get(code)));
        // done already, or taken meanwhile (D-06 goes to the waitlist in the walkthrough)
        if (plot.getStatus() == status
                || plot.getStatus() == PlotStatus.CLAIMED
                || plot.getStatus() == PlotStatus.OFFERED) {
            return;
        }
        call(
                "PATCH plot " + code,
                () -> staff.farm()
                        .updatePlot(
                                plot.getId(),
                                new UpdatePlot().status(status).note(note),
                                "\"" + plot.getVersion() + "\""));
    }

    // ---------------------------------------------------------------- wait for the Kafka projections

    private void waitUntilFarmKnowsTheResidents() {
        say("waiting (up to " + settings.eventTimeout().toSeconds()
                + " s) until farm-service knows the residents (resident events through Kafka)");
        long deadline = System.nanoTime() + settings.eventTimeout().toNanos();
        while (true) {
            // ADMIN, because farm-service answers a STAFF token 403 for a resident it does not know yet
            try {
                EligibilityView eligibility = admin.farm().getEligibility(lastResident);
                if (Boolean.TRUE.equals(eligibility.getEligible())) {
                    break;
                }
            } catch (Exception e) {
                if (Calls.Refusal.of(e).map(Calls.Refusal::status).orElse(0) != 404) {
                    throw Calls.failed("GET eligibility of " + lastResident, e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new Calls.LoadFailed(
                        "farm-service did not learn of resident " + lastResident + " within "
                                + settings.eventTimeout().toSeconds() + " s",
                        null);
            }
            Calls.pause(Duration.ofSeconds(1));
        }
        say("farm-service knows the residents");
    }

    // ---------------------------------------------------------------- farm: claims, waitlist, journal

    private void claimsWaitlistAndJournal() {
        Duration timeout = settings.eventTimeout();
        for (String[] row : rows(CLAIMS)) {
            UUID resident = residents.get(row[1]);
            eventually(
                    "POST claim " + row[0],
                    Set.of("RESIDENT_NOT_ELIGIBLE"),
                    timeout,
                    () -> staff.farm()
                            .claimPlot(
                                    plots.get(row[0]),
                                    new CreateClaim().residentId(resident).termMonths(12),
                                    K + "-claim-" + row[0]));
        }
        for (String name : WAITLIST) {
            UUID resident = residents.get(name);
            eventually(
                    "POST waitlist " + name,
                    Set.of("RESIDENT_NOT_ELIGIBLE"),
                    timeout,
                    () -> staff.farm()
                            .joinWaitlist(
                                    farmId, new JoinWaitlist().residentId(resident), K + "-waitlist-" + resident));
        }
        // The planting journal is the claimant's own: these go with their RESIDENT tokens.
        int journal = 0;
        for (String[] row : rows(JOURNAL)) {
            journal++;
            Apis claimant = Apis.as(urls, tokens.resident(communityId, residents.get(row[0])));
            RecordEntry body = new RecordEntry()
                    .kind(JournalKind.fromValue(row[2]))
                    .crop(row[3].isEmpty() ? null : row[3])
                    .quantityGrams(row[4].isEmpty() ? null : Integer.valueOf(row[4]))
                    .note(row[5]);
            String key = K + "-journal-" + journal;
            call("POST journal " + row[1], () -> claimant.farm().recordJournalEntry(plots.get(row[1]), body, key));
        }
        say("farm: " + rows(CLAIMS).size() + " plots claimed (one per household), " + WAITLIST.size()
                + " residents on the waitlist, " + journal + " planting-journal entries");
    }

    // ---------------------------------------------------------------- courses (activity-service)

    /** The first day on or after the anchor + 2 days that falls on this weekday. */
    private LocalDate first(java.time.DayOfWeek day) {
        return anchor.plusDays(2).with(TemporalAdjusters.nextOrSame(day));
    }

    private void courses() {
        // Sessions lie ahead of the anchor date (the farm's creation day), on fixed weekdays, within opening hours.
        Map<String, LocalDate> firstDay = Map.of(
                "SAT",
                first(java.time.DayOfWeek.SATURDAY),
                "SUN",
                first(java.time.DayOfWeek.SUNDAY),
                "WED",
                first(java.time.DayOfWeek.WEDNESDAY));
        OffsetDateTime opens = OffsetDateTime.of(anchor.minusDays(1), LocalTime.MIDNIGHT, CHENGDU);
        for (String[] row : rows(ACTIVITIES)) {
            String key = row[0];
            LocalDate day = firstDay.get(row[11]);
            int weeks = Integer.parseInt(row[12]);
            // enrolment stays open until the eve of the last session
            OffsetDateTime closes = OffsetDateTime.of(day.plusDays(7L * (weeks - 1) - 1), LocalTime.of(20, 0), CHENGDU);
            CreateActivity body = new CreateActivity()
                    .communityId(communityId)
                    .title(row[1])
                    .description(row[15])
                    .category(Category.fromValue(row[2]))
                    .providerOrganizationId(organisations.get(row[3]))
                    .model(Model.fromValue(row[4]))
                    .feeFen(Long.parseLong(row[5]))
                    .minAge(Integer.parseInt(row[6]))
                    .maxAge(Integer.parseInt(row[7]))
                    .parentChild(Boolean.parseBoolean(row[8]))
                    .capacity(Integer.parseInt(row[9]))
                    .enrollmentOpensAt(opens)
                    .enrollmentClosesAt(closes);
            UUID id = eventually(
                            "POST activity " + row[1],
                            Set.of("ORGANIZATION_NOT_FOUND"),
                            settings.eventTimeout(),
                            () -> staff.activity().createActivity(body, K + "-activity-" + key))
                    .getId();
            activities.put(key, id);
            for (int w = 0; w < weeks; w++) {
                LocalDate date = day.plusDays(7L * w);
                CreateSession session = new CreateSession()
                        .venueId(venues.get(row[10]))
                        .startsAt(OffsetDateTime.of(date, LocalTime.parse(row[13]), CHENGDU))
                        .endsAt(OffsetDateTime.of(date, LocalTime.parse(row[14]), CHENGDU));
                String sessionKey = K + "-session-" + key + "-" + w;
                call("POST session of " + row[1], () -> staff.activity().addSession(id, session, sessionKey));
            }
            ActivityView activity =
                    call("GET activity " + row[1], () -> staff.activity().getActivity(id));
            if (activity.getStatus() == Status1.DRAFT) {
                call("POST publish " + row[1], () -> staff.activity().publishActivity(id, null));
            }
        }
        say("courses: " + activities.size() + " published with weekly sessions from " + firstDay.get("SAT")
                + " (儿童早教, 外教足球, 亲子烘焙, 亲子绘画, 沙盘游戏, 农场种植, 植物标本制作)");
    }

    private void enrollments() {
        for (String[] row : rows(ENROLMENTS)) {
            UUID child = residents.get(row[1]);
            UUID guardian = residents.get(row[2]);
            eventually(
                    "POST enrollment of " + row[1],
                    Set.of("RESIDENT_NOT_ELIGIBLE", "GUARDIAN_REQUIRED"),
                    settings.eventTimeout(),
                    () -> staff.activity()
                            .enrol(
                                    activities.get(row[0]),
                                    new Enrol().participantId(child).guardianId(guardian),
                                    K + "-enrol-" + row[0] + "-" + child));
        }
        say("enrollments: " + rows(ENROLMENTS).size() + " children enrolled with their guardians");
    }

    // ---------------------------------------------------------------- the shared fund (fund-service)

    private void fundProjectsAndDonations() {
        fundId = call(
                        "POST fund",
                        () -> staff.fund()
                                .createFund(
                                        new CreateFund()
                                                .communityId(communityId)
                                                .name(FUND_NAME)
                                                .kind(cn.bailian.client.fund.model.Kind.COMMUNITY),
                                        K + "-fund"))
                .getId();
        say("fund: " + FUND_NAME + " id " + fundId);

        for (String[] row : rows(PROJECTS)) {
            ProposerKind kind = ProposerKind.fromValue(row[4]);
            UUID proposer = switch (kind) {
                case ORGANIZATION -> organisations.get(row[5]);
                case RESIDENT -> residents.get(row[5]);
                default -> null;
            };
            CreateProject body = new CreateProject()
                    .title(row[1])
                    .description(row[7])
                    .type(Type.fromValue(row[2]))
                    .budgetFen(Long.parseLong(row[3]))
                    .proposerKind(kind)
                    .proposerId(proposer)
                    .activityId(row[6].isEmpty() ? null : activities.get(row[6]));
            projects.put(
                    row[0],
                    eventually(
                                    "POST project " + row[1],
                                    Set.of("PROPOSER_UNKNOWN"),
                                    settings.eventTimeout(),
                                    () -> staff.fund().proposeProject(fundId, body, K + "-project-" + row[0]))
                            .getId());
        }
        // Reviews: the residents' council, then the community committee, whose approval opens the public notice.
        for (String[] row : rows(REVIEWS)) {
            call(
                    "POST review " + row[0] + " " + row[1],
                    () -> staff.fund()
                            .reviewProject(
                                    projects.get(row[0]),
                                    new CreateReview()
                                            .step(Step.fromValue(row[1]))
                                            .decision(Decision.APPROVE)
                                            .comment(row[2]),
                                    K + "-review-" + row[0] + "-" + row[1]));
        }
        say(
                "projects: 坝坝农场 and 童心·莲心 in public notice (公示), 我的院坝我做主 approved by the residents' council, awaiting the committee");

        // Donations: stable payment references, so the same payment never books twice (a repeat answers 200).
        for (String[] row : rows(DONATIONS)) {
            DonorKind kind = DonorKind.fromValue(row[1]);
            UUID donor = switch (kind) {
                case RESIDENT -> residents.get(row[2]);
                case ORGANIZATION -> organisations.get(row[2]);
                default -> null;
            };
            CreateDonation body = new CreateDonation()
                    .donorKind(kind)
                    .donorId(donor)
                    .displayName(row[3].isEmpty() ? null : row[3])
                    .anonymous(Boolean.parseBoolean(row[4]))
                    .amountFen(Long.parseLong(row[5]))
                    .channel(Channel.fromValue(row[6]))
                    .paymentReference(row[0])
                    .projectId(row[7].isEmpty() ? null : projects.get(row[7]));
            call("POST donation " + row[0], () -> staff.fund().recordDonation(fundId, body, K + "-donation-" + row[0]));
        }
        FundView fund = call("GET fund", () -> staff.fund().getFund(fundId));
        say("donations: " + rows(DONATIONS).size()
                + " booked (cash, WeChat Pay, bank transfer; residents, organisations, "
                + "enterprises, anonymous); balance " + fund.getBalanceFen() + " fen");
    }

    /**
     * 坝坝农场: once its notice period is over it is APPROVED and the first payment goes out. The notice lasts
     * fund.notice-period (two minutes in the dev profile, 7 days otherwise); the loader waits only for a short one.
     */
    private void approvalAndFirstDisbursement() {
        UUID farmProject = projects.get("farm");
        ProjectView project = call("GET project 坝坝农场", () -> staff.fund().getProject(farmProject));
        Status status = project.getStatus();
        OffsetDateTime noticeEnds = project.getNoticeEndsAt();
        if (status == Status.NOTICE && noticeEnds != null) {
            Duration left = Duration.between(Instant.now(), noticeEnds.toInstant());
            if (left.compareTo(settings.noticeWait()) <= 0) {
                say("坝坝农场: public notice ends in " + Math.max(0, left.toSeconds())
                        + " s; waiting for fund-service to approve it");
                long deadline = System.nanoTime() + left.plusSeconds(150).toNanos();
                while (status == Status.NOTICE && System.nanoTime() < deadline) {
                    Calls.pause(Duration.ofSeconds(1));
                    status = call("GET project 坝坝农场", () -> staff.fund().getProject(farmProject))
                            .getStatus();
                }
            }
        }
        if (status == Status.APPROVED) {
            call(
                    "POST disbursement 坝坝农场",
                    () -> staff.fund()
                            .disburse(
                                    farmProject,
                                    new CreateDisbursement()
                                            .amountFen(280000L)
                                            .payeeKind(PayeeKind.ORGANIZATION)
                                            .payeeOrganizationId(organisations.get("lvya"))
                                            .purpose("坝坝农场首期：有机种子、育苗盘和四个堆肥箱")
                                            .invoiceReference("51012600 00088001"),
                                    K + "-disbursement-farm-1"));
            call(
                    "POST milestone 坝坝农场",
                    () -> staff.fund()
                            .addMilestone(
                                    farmProject,
                                    new CreateMilestone()
                                            .title("完成土壤改良和堆肥箱安装")
                                            .dueOn(anchor.plusDays(45))
                                            .progressPercent(40),
                                    K + "-milestone-farm-1"));
            say("坝坝农场: APPROVED; first disbursement of 280000 fen to 成都绿芽自然教育社 booked, milestone added");
        } else {
            say("坝坝农场: still in public notice (status " + status + ", notice ends " + noticeEnds
                    + "); no disbursement yet");
        }
    }

    /** The last step: 坝坝社群, just proposed (its presence tells a later run that the data is complete). */
    private void lastProject() {
        CreateProject body = new CreateProject()
                .title(LAST_PROJECT)
                .type(Type.MUTUAL_AID)
                .budgetFen(300000L)
                .proposerKind(ProposerKind.ORGANIZATION)
                .proposerId(organisations.get("heguang"))
                .description("培育楼栋互助小组：邻里互助积分、独居老人结对探访、每月一次闲置物品交换日，由社工陪伴居民骨干自主运营。");
        projects.put(
                "community",
                eventually(
                                "POST project " + LAST_PROJECT,
                                Set.of("PROPOSER_UNKNOWN"),
                                settings.eventTimeout(),
                                () -> staff.fund().proposeProject(fundId, body, K + "-project-community"))
                        .getId());
        say("projects: " + LAST_PROJECT + " just proposed");
    }

    // ---------------------------------------------------------------- helpers

    private void say(String message) {
        out.printf("[demo-data %3ds] %s%n", elapsed(), message);
        out.flush();
    }

    private long elapsed() {
        return Duration.ofNanos(System.nanoTime() - started).toSeconds();
    }

    /** The rows of a table below: one a line, fields separated by '|', empty fields kept. */
    static List<String[]> rows(String table) {
        return table.lines()
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\\|", -1))
                .toList();
    }

    // ---------------------------------------------------------------- the data

    // key|name|type
    static final String COMPOUNDS = """
            BL|白莲小区|RESETTLEMENT
            JD|莲池机电厂家属院|INSTITUTIONAL
            LY|莲韵花园|COMMERCIAL
            """;

    // key|name|kind|description
    static final String ORGANISATIONS = """
            lianxin|成华区莲心儿童发展中心|SOCIAL_ORGANISATION|专业儿童服务社会组织，运营儿童之家的早教和亲子绘画课程，实行“公益+市场”双轨。
            lvya|成都绿芽自然教育社|SOCIAL_ORGANISATION|自然教育机构，在屋顶生态农场开展农耕体验和植物标本课程。
            linli|白莲邻里社区服务有限公司|SOCIAL_ENTERPRISE|社区社会企业，运营外教足球和亲子烘焙等低偿课程，部分收益反哺社区共享基金。
            heguang|成都和光社会工作服务中心|SOCIAL_WORKER_AGENCY|社工机构，提供沙盘游戏、困境儿童陪伴和楼栋互助小组培育。
            nongyou|白莲坝坝农友会|RESIDENT_GROUP|生态农场认领户自发组成的居民自组织，互相交流种植经验、轮流照看地块。
            jidian|莲池机电厂|UNIT|驻区单位，家属院位于社区内，开放部分场地支持社区活动。
            """;

    // key|compound|building|unit|room
    static final String HOUSEHOLDS = """
            h01|BL|1|1|101
            h02|BL|1|1|302
            h03|BL|1|2|201
            h04|BL|2|1|102
            h05|BL|2|1|401
            h06|BL|2|2|502
            h07|BL|3|1|201
            h08|BL|3|2|301
            h09|BL|4|1|101
            h10|BL|4|1|602
            h11|BL|5|2|202
            h12|BL|5|2|401
            h13|BL|6|1|301
            h14|BL|6|2|102
            h15|JD|1|1|201
            h16|JD|1|2|402
            h17|JD|2|1|101
            h18|JD|2|1|301
            h19|JD|3|1|502
            h20|JD|3|2|202
            h21|JD|4|1|401
            h22|LY|1|1|1201
            h23|LY|1|2|803
            h24|LY|2|1|1502
            h25|LY|2|2|601
            h26|LY|3|1|2101
            h27|LY|3|1|905
            h28|LY|5|2|1103
            h29|LY|6|1|702
            h30|LY|6|2|1801
            """;

    // household|name|gender|birth date|residency|relation to head|ID number (1 = give one)
    static final String RESIDENTS = """
            h01|张德明|MALE|1953-04-12|PERMANENT|SELF|1
            h01|刘桂芳|FEMALE|1955-09-03|PERMANENT|SPOUSE|0
            h02|李秀英|FEMALE|1958-02-20|PERMANENT|SELF|1
            h02|李强|MALE|1984-07-15|PERMANENT|CHILD|0
            h02|陈静|FEMALE|1986-11-02|PERMANENT|OTHER|0
            h02|李子墨|MALE|2021-05-18|PERMANENT|GRANDCHILD|0
            h03|王德福|MALE|1950-10-08|PERMANENT|SELF|0
            h03|赵淑华|FEMALE|1952-03-27|PERMANENT|SPOUSE|0
            h04|陈玉兰|FEMALE|1961-06-14|PERMANENT|SELF|1
            h04|陈浩|MALE|1988-01-30|PERMANENT|CHILD|0
            h04|黄丽|FEMALE|1990-08-22|PERMANENT|OTHER|0
            h04|陈思彤|FEMALE|2019-03-09|PERMANENT|GRANDCHILD|0
            h05|周磊|MALE|1989-12-01|FLOATING|SELF|0
            h05|吴芳|FEMALE|1991-05-16|FLOATING|SPOUSE|0
            h05|周一诺|FEMALE|2023-08-20|FLOATING|CHILD|0
            h06|杨树林|MALE|1956-07-07|PERMANENT|SELF|0
            h06|何翠英|FEMALE|1957-12-19|PERMANENT|SPOUSE|0
            h07|罗建华|MALE|1963-03-03|PERMANENT|SELF|1
            h07|罗小燕|FEMALE|1992-09-09|PERMANENT|CHILD|0
            h08|邓淑珍|FEMALE|1949-01-25|PERMANENT|SELF|0
            h09|谢永福|MALE|1960-11-11|PERMANENT|SELF|0
            h09|彭秀兰|FEMALE|1962-04-04|PERMANENT|SPOUSE|0
            h09|谢晓东|MALE|1987-06-06|PERMANENT|CHILD|0
            h09|谢雨涵|FEMALE|2016-10-10|PERMANENT|GRANDCHILD|0
            h10|马超|MALE|1995-02-14|FLOATING|SELF|0
            h11|曾凡贵|MALE|1958-08-08|PERMANENT|SELF|0
            h11|徐凤英|FEMALE|1960-02-28|PERMANENT|SPOUSE|0
            h12|蒋丽华|FEMALE|1970-05-05|PERMANENT|SELF|1
            h12|蒋文博|MALE|2013-09-01|PERMANENT|CHILD|0
            h13|唐国强|MALE|1955-12-12|PERMANENT|SELF|0
            h14|郑秀梅|FEMALE|1964-07-21|PERMANENT|SELF|0
            h14|郑凯|MALE|1990-03-15|PERMANENT|CHILD|0
            h14|郑可欣|FEMALE|2018-12-01|PERMANENT|GRANDCHILD|0
            h15|孙志刚|MALE|1962-09-18|PERMANENT|SELF|1
            h15|钱玉珍|FEMALE|1964-01-08|PERMANENT|SPOUSE|0
            h16|朱伟|MALE|1985-04-26|PERMANENT|SELF|0
            h16|沈佳|FEMALE|1987-10-30|PERMANENT|SPOUSE|0
            h16|朱子轩|MALE|2017-06-12|PERMANENT|CHILD|0
            h16|朱小满|FEMALE|2022-11-05|PERMANENT|CHILD|0
            h17|韩卫东|MALE|1959-05-30|PERMANENT|SELF|0
            h18|冯淑英|FEMALE|1951-08-16|PERMANENT|SELF|0
            h18|冯涛|MALE|1978-02-02|PERMANENT|CHILD|0
            h19|许明|MALE|1983-12-24|PERMANENT|SELF|0
            h19|林晓|FEMALE|1985-03-08|PERMANENT|SPOUSE|0
            h19|许安然|FEMALE|2020-07-07|PERMANENT|CHILD|0
            h20|曹德胜|MALE|1957-10-01|PERMANENT|SELF|0
            h21|袁芳|FEMALE|1980-06-18|PERMANENT|SELF|1
            h21|袁梓涵|MALE|2015-04-22|PERMANENT|CHILD|0
            h22|高峰|MALE|1982-08-28|PERMANENT|SELF|1
            h22|宋雅琴|FEMALE|1984-02-11|PERMANENT|SPOUSE|0
            h22|高语桐|FEMALE|2019-09-19|PERMANENT|CHILD|0
            h23|田野|MALE|1993-11-23|FLOATING|SELF|0
            h23|潘悦|FEMALE|1994-06-01|FLOATING|SPOUSE|0
            h24|董建军|MALE|1975-01-17|PERMANENT|SELF|0
            h24|梁红|FEMALE|1977-05-25|PERMANENT|SPOUSE|0
            h24|董浩然|MALE|2012-12-12|PERMANENT|CHILD|0
            h25|范思远|MALE|1990-09-27|FLOATING|SELF|0
            h25|姚琳|FEMALE|1992-04-13|FLOATING|SPOUSE|0
            h25|范乐乐|FEMALE|2021-02-03|FLOATING|CHILD|0
            h26|程立新|MALE|1968-03-19|PERMANENT|SELF|0
            h26|程诗雨|FEMALE|2010-08-08|PERMANENT|CHILD|0
            h27|魏婷|FEMALE|1988-12-05|PERMANENT|SELF|0
            h27|魏小宝|MALE|2024-03-01|PERMANENT|CHILD|0
            h28|杜鹏|MALE|1996-07-30|FLOATING|SELF|0
            h29|苏建平|MALE|1965-11-09|PERMANENT|SELF|0
            h29|卢美玲|FEMALE|1967-01-23|PERMANENT|SPOUSE|0
            h30|任杰|MALE|1987-05-09|FLOATING|SELF|0
            h30|方园|FEMALE|1989-10-14|FLOATING|SPOUSE|0
            h30|任可|MALE|2016-01-20|FLOATING|CHILD|0
            """;

    // child|guardian|relation
    static final String GUARDIANS = """
            李子墨|李强|FATHER
            李子墨|陈静|MOTHER
            陈思彤|陈浩|FATHER
            陈思彤|陈玉兰|GRANDMOTHER
            周一诺|周磊|FATHER
            周一诺|吴芳|MOTHER
            谢雨涵|谢晓东|FATHER
            谢雨涵|彭秀兰|GRANDMOTHER
            蒋文博|蒋丽华|MOTHER
            郑可欣|郑凯|FATHER
            朱子轩|朱伟|FATHER
            朱子轩|沈佳|MOTHER
            朱小满|沈佳|MOTHER
            朱小满|朱伟|FATHER
            许安然|林晓|MOTHER
            许安然|许明|FATHER
            袁梓涵|袁芳|MOTHER
            高语桐|高峰|FATHER
            高语桐|宋雅琴|MOTHER
            董浩然|董建军|FATHER
            董浩然|梁红|MOTHER
            范乐乐|范思远|FATHER
            范乐乐|姚琳|MOTHER
            程诗雨|程立新|FATHER
            魏小宝|魏婷|MOTHER
            任可|任杰|FATHER
            任可|方园|MOTHER
            """;

    // key|name|kind|capacity|opening hours
    static final String VENUES = """
            early|儿童之家·早教室|ROOM|12|children
            studio|儿童之家·创意工坊（绘画、烘焙）|ROOM|16|children
            sandtray|儿童之家·沙盘室|ROOM|6|children
            meeting|党群服务中心会议室|MEETING_ROOM|30|meeting
            hall|大厅开放活动区|ACTIVITY_AREA|40|hall
            booth1|邻里卡座一|BOOTH|6|hall
            booth2|邻里卡座二|BOOTH|6|hall
            rooftop|屋顶生态农场|ROOFTOP|30|rooftop
            """;

    // plot|claimant (one per household)
    static final String CLAIMS = """
            A-01|张德明
            A-02|李秀英
            A-03|王德福
            A-04|陈玉兰
            A-05|杨树林
            A-06|罗建华
            B-01|邓淑珍
            B-02|彭秀兰
            B-03|曾凡贵
            B-04|蒋丽华
            B-05|唐国强
            B-06|郑秀梅
            C-01|孙志刚
            C-02|韩卫东
            C-03|冯淑英
            C-04|曹德胜
            C-05|宋雅琴
            C-06|董建军
            D-05|卢美玲
            """;

    /** In this order: 沈佳 heads the waitlist (the walkthrough offers her the repaired D-06). */
    static final List<String> WAITLIST = List.of("沈佳", "袁芳", "程立新");

    // claimant|plot|kind|crop|grams|note
    static final String JOURNAL = """
            张德明|A-01|SOWING|蒜苗||种了两垄蒜苗，用的是自家留的蒜种。
            张德明|A-01|HARVEST|小白菜|1500|第一茬小白菜，分了一半给楼下邻居。
            李秀英|A-02|WATERING|莴笋||天晴，早上浇了一遍水，菜苗长势不错。
            """;

    // key|title|category|provider|model|fee (fen)|min age|max age|parent-child|capacity|venue|first
    // day|weeks|from|to|description
    static final String ACTIVITIES = """
            early|儿童早教·小莲蓬亲子成长课|EARLY_EDUCATION|lianxin|PUBLIC_WELFARE|0|1|4|true|10|early|SAT|4|09:30|10:30|面向1至4岁幼儿的亲子早教：儿歌律动、绘本共读和感统游戏，家长陪同参加，公益免费。
            football|外教足球·冬季训练营|SPORTS|linli|MARKET|12000|5|12|false|16|hall|SAT|4|16:00|17:30|外籍教练用英语带孩子练基本功和小场对抗，一期4次课共120元，部分收益反哺社区共享基金。
            baking|亲子烘焙·暖冬南瓜饼|BAKING|linli|MARKET|3000|4|12|true|8|studio|SUN|2|14:30|16:30|家长和孩子一起和面、包馅、煎饼，每组收材料费30元。
            painting|亲子绘画·我的社区我的家|PAINTING|lianxin|PUBLIC_WELFARE|0|3|10|true|12|studio|SAT|3|14:30|16:00|和孩子一起画自己的院坝、楼栋和邻居，作品在党群服务中心大厅展出，公益免费。
            sandtray|沙盘游戏·心灵花园小组|SANDTRAY|heguang|PUBLIC_WELFARE|0|4|12|false|6|sandtray|WED|4|16:30|17:30|社工带领的小组沙盘游戏，帮助孩子表达情绪、学会合作，每组不超过6人，公益免费。
            farming|农场种植·屋顶小农夫|FARMING|lvya|PUBLIC_WELFARE|0|5|14|false|15|rooftop|SUN|4|09:30|11:00|在屋顶生态农场的亲子教育地块上认识冬季蔬菜、翻土播种、记录生长，公益免费。
            specimen|植物标本制作·留住秋天的叶子|SPECIMEN|lvya|MARKET|2000|7|14|false|12|studio|SUN|2|09:30|11:00|采集社区里的落叶和野花，学习压制、干燥和装裱植物标本，材料费20元。
            """;

    // activity|child|guardian
    static final String ENROLMENTS = """
            early|周一诺|吴芳
            early|魏小宝|魏婷
            football|朱子轩|朱伟
            football|袁梓涵|袁芳
            football|谢雨涵|谢晓东
            football|任可|任杰
            baking|陈思彤|陈浩
            painting|李子墨|陈静
            painting|郑可欣|郑凯
            painting|范乐乐|范思远
            sandtray|许安然|林晓
            farming|董浩然|董建军
            farming|蒋文博|蒋丽华
            """;

    // key|title|type|budget (fen)|proposer kind|proposer|activity|description
    static final String PROJECTS = """
            farm|坝坝农场|PUBLIC_WELFARE|1200000|ORGANIZATION|nongyou|farming|屋顶生态农场的土壤改良、有机种子、育苗盘、堆肥箱和滴灌设施；认领户组成农友会互助管理，亲子教育地块每月开放农耕课。
            children|童心·莲心|CHARITY|800000|ORGANIZATION|lianxin||儿童之家公益课程与困境儿童陪伴：为辖区困境、留守儿童每周提供课后陪伴，并预留早教、绘画课程的免费名额。
            yard|我的院坝我做主|SELF_GOVERNANCE|450000|RESIDENT|张德明||白莲小区3栋院坝由居民议事决定停车、晾晒和休闲区的划分，更换破损座椅、增设晾衣架，居民投工投劳。
            """;

    // project|step|comment
    static final String REVIEWS = """
            farm|COUNCIL|居民议事会表决：23票赞成、1票弃权。
            farm|COMMITTEE|社区两委会议同意，进入公示。
            children|COUNCIL|居民议事会表决：19票赞成。
            children|COMMITTEE|社区两委会议同意，进入公示。
            yard|COUNCIL|居民议事会表决：15票赞成、2票反对，请细化座椅和晾衣架的预算。
            """;

    // payment reference|donor kind|donor|display name|anonymous|amount (fen)|channel|earmarked project
    static final String DONATIONS = """
            BLDEMO-CASH-0001|RESIDENT|张德明|张德明|false|20000|CASH|farm
            BLDEMO-WX-0002|RESIDENT|李秀英|李秀英|false|5000|WECHAT_PAY|
            BLDEMO-WX-0003|RESIDENT|高峰|高峰|true|50000|WECHAT_PAY|children
            BLDEMO-BANK-0004|ORGANIZATION|linli|白莲邻里社区服务有限公司|false|300000|BANK_TRANSFER|
            BLDEMO-BANK-0005|ENTERPRISE||成都莲韵物业服务有限公司|false|500000|BANK_TRANSFER|
            BLDEMO-CASH-0006|ANONYMOUS|||true|12650|CASH|
            BLDEMO-WX-0007|RESIDENT|孙志刚|孙志刚|false|10000|WECHAT_PAY|children
            BLDEMO-BANK-0008|ORGANIZATION|jidian|莲池机电厂|false|200000|BANK_TRANSFER|farm
            BLDEMO-WX-0009|RESIDENT|袁芳|袁芳|false|8800|WECHAT_PAY|children
            BLDEMO-CASH-0010|ENTERPRISE||白莲池农贸市场张记蔬菜行|false|30000|CASH|
            """;
}
