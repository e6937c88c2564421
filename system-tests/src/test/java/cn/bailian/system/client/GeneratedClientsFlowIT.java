package cn.bailian.system.client;

import static cn.bailian.system.Steps.EVENTUALLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import cn.bailian.client.activity.model.ActivityView;
import cn.bailian.client.activity.model.AttendanceView;
import cn.bailian.client.activity.model.Category;
import cn.bailian.client.activity.model.CheckIn;
import cn.bailian.client.activity.model.CreateActivity;
import cn.bailian.client.activity.model.CreateSession;
import cn.bailian.client.activity.model.CreateVenue;
import cn.bailian.client.activity.model.DayOfWeek;
import cn.bailian.client.activity.model.Enrol;
import cn.bailian.client.activity.model.EnrollmentView;
import cn.bailian.client.activity.model.Model;
import cn.bailian.client.activity.model.SessionView;
import cn.bailian.client.activity.model.Window;
import cn.bailian.client.farm.ApiClient;
import cn.bailian.client.farm.ApiException;
import cn.bailian.client.farm.model.ClaimView;
import cn.bailian.client.farm.model.CreateClaim;
import cn.bailian.client.farm.model.CreateFarm;
import cn.bailian.client.farm.model.CreatePlot;
import cn.bailian.client.farm.model.EntryView;
import cn.bailian.client.farm.model.JournalKind;
import cn.bailian.client.farm.model.Problem;
import cn.bailian.client.farm.model.RecordEntry;
import cn.bailian.client.fund.model.Channel;
import cn.bailian.client.fund.model.CreateDisbursement;
import cn.bailian.client.fund.model.CreateDonation;
import cn.bailian.client.fund.model.CreateFund;
import cn.bailian.client.fund.model.CreateProject;
import cn.bailian.client.fund.model.CreateReview;
import cn.bailian.client.fund.model.Decision;
import cn.bailian.client.fund.model.DonationView;
import cn.bailian.client.fund.model.DonorKind;
import cn.bailian.client.fund.model.PayeeKind;
import cn.bailian.client.fund.model.ProposerKind;
import cn.bailian.client.fund.model.Step;
import cn.bailian.client.fund.model.Type;
import cn.bailian.client.resident.model.CompoundType;
import cn.bailian.client.resident.model.CreateCommunity;
import cn.bailian.client.resident.model.CreateCompound;
import cn.bailian.client.resident.model.CreateHousehold;
import cn.bailian.client.resident.model.CreateResident;
import cn.bailian.client.resident.model.Gender;
import cn.bailian.client.resident.model.Participation;
import cn.bailian.client.resident.model.ParticipationEntry;
import cn.bailian.client.resident.model.RelationToHead;
import cn.bailian.client.resident.model.ResidencyType;
import cn.bailian.system.Steps;
import cn.bailian.testkit.DevTokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * One flow across the four services driven only through the Java clients that the build generates from the
 * committed OpenAPI documents (module api-clients) — no hand-written HTTP. A document that stops describing
 * what its service does breaks this: the clients no longer compile against the flow, or a call fails here.
 * (Rows are read only where no API shows them: activity's and fund's copies of a resident.)
 */
class GeneratedClientsFlowIT {

    @Test
    void aResidentClaimsAndTendsAPlotEnrolsInACourseAndDonatesAndTheFundPaysForTheCourse() throws Exception {
        // resident-service: ADMIN opens a community, its STAFF register two neighbouring households
        UUID community = Clients.as(DevTokens.admin())
                .resident()
                .createCommunity(new CreateCommunity().name("白莲社区-生成客户端").district("成华区"), null)
                .getId();
        Clients staff = Clients.as(DevTokens.staff(community));
        UUID compound = staff.resident()
                .createCompound(
                        new CreateCompound().communityId(community).name("白莲小区").type(CompoundType.RESETTLEMENT), null)
                .getId();
        UUID resident = register(staff, compound, "701", "吴十", "13800000061");
        UUID neighbour = register(staff, compound, "702", "郑十一", "13800000062");
        Clients me = Clients.as(DevTokens.resident(resident, community));

        // farm-service learned the resident from resident-service's event; activity and fund too
        await().atMost(EVENTUALLY)
                .ignoreExceptionsInstanceOf(ApiException.class)
                .until(() -> Boolean.TRUE.equals(
                        staff.farm().getEligibility(resident).getEligible()));
        Steps.awaitKnownToActivityAndFund(resident);

        // farm: a plot, claimed by the resident, with a harvest in its journal
        UUID farm = staff.farm()
                .createFarm(
                        new CreateFarm().communityId(community).name("屋顶生态农场").location("党群服务中心楼顶"), null)
                .getId();
        UUID plot = staff.farm()
                .createPlot(
                        farm,
                        new CreatePlot()
                                .code("C-01")
                                .areaM2(new BigDecimal("6.5"))
                                .gridRow(0)
                                .gridColumn(0),
                        null)
                .getId();
        ClaimView claim = me.farm().claimPlot(plot, new CreateClaim().residentId(resident), null);
        assertThat(claim.getStatus()).isEqualTo("ACTIVE");
        assertThat(claim.getResidentId()).isEqualTo(resident);
        EntryView harvest = me.farm()
                .recordJournalEntry(
                        plot,
                        new RecordEntry().kind(JournalKind.HARVEST).crop("小白菜").quantityGrams(1200),
                        null);
        assertThat(harvest.getKind()).isEqualTo(JournalKind.HARVEST);

        // an error through the client: the neighbour asks for the taken plot; the problem+json body is in the exception
        Clients neighbourClients = Clients.as(DevTokens.resident(neighbour, community));
        ApiException taken = catchThrowableOfType(
                ApiException.class,
                () -> neighbourClients.farm().claimPlot(plot, new CreateClaim().residentId(neighbour), null));
        assertThat(taken.getCode()).isEqualTo(409);
        assertThat(taken.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = problem(taken);
        assertThat(problem.getCode()).isEqualTo("PLOT_NOT_AVAILABLE");
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getTitle()).isEqualTo("地块不可认领");
        ApiException inEnglish = catchThrowableOfType(
                ApiException.class,
                () -> neighbourClients
                        .farm()
                        .claimPlot(
                                plot, new CreateClaim().residentId(neighbour), null, Map.of("Accept-Language", "en")));
        assertThat(problem(inEnglish).getTitle()).isEqualTo("Plot not available");
        // and a validation problem names the field
        ApiException invalid = catchThrowableOfType(
                ApiException.class,
                () -> staff.farm()
                        .createPlot(
                                farm,
                                new CreatePlot()
                                        .areaM2(new BigDecimal("6.5"))
                                        .gridRow(1)
                                        .gridColumn(0),
                                null));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(problem(invalid).getCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem(invalid).getErrors())
                .anySatisfy(error -> assertThat(error.getField()).contains("code"));

        // activity: a published course starting in a few minutes; the resident enrols, staff check them in
        UUID venue = staff.activity()
                .createVenue(
                        new CreateVenue()
                                .communityId(community)
                                .name("儿童之家活动室")
                                .kind(cn.bailian.client.activity.model.Kind.ROOM)
                                .capacity(30)
                                .openingHours(Arrays.stream(DayOfWeek.values())
                                        .map(day -> new Window()
                                                .dayOfWeek(day)
                                                .opens("00:00")
                                                .closes("00:00"))
                                        .toList()),
                        null)
                .getId();
        OffsetDateTime startsAt =
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        UUID course = staff.activity()
                .createActivity(
                        new CreateActivity()
                                .communityId(community)
                                .title("农场种植")
                                .category(Category.FARMING)
                                .model(Model.PUBLIC_WELFARE)
                                .capacity(20)
                                .parentChild(false)
                                .enrollmentOpensAt(startsAt.minusHours(1))
                                .enrollmentClosesAt(startsAt.minusMinutes(1)),
                        null)
                .getId();
        SessionView session = staff.activity()
                .addSession(
                        course,
                        new CreateSession()
                                .startsAt(startsAt)
                                .endsAt(startsAt.plusHours(1))
                                .venueId(venue),
                        null);
        assertThat(staff.activity().publishActivity(course, null).getPublishedAt())
                .isNotNull();
        EnrollmentView enrollment = me.activity().enrol(course, new Enrol().participantId(resident), null);
        assertThat(enrollment.getStatus().getValue()).isEqualTo("CONFIRMED");
        AttendanceView attendance =
                staff.activity().checkIn(session.getId(), new CheckIn().code(enrollment.getCheckInCode()), null);
        assertThat(attendance.getEnrollmentId()).isEqualTo(enrollment.getId());

        // fund: a project for the course, a donation earmarked for it, two approvals, the public notice, a payment
        UUID fund = staff.fund()
                .createFund(
                        new CreateFund()
                                .communityId(community)
                                .name("白莲社区发展治理共享基金")
                                .kind(cn.bailian.client.fund.model.Kind.COMMUNITY),
                        null)
                .getId();
        UUID project = staff.fund()
                .proposeProject(
                        fund,
                        new CreateProject()
                                .title("童心·莲心")
                                .description("儿童之家周末课程")
                                .type(Type.PUBLIC_WELFARE)
                                .budgetFen(500_000L)
                                .proposerKind(ProposerKind.COMMUNITY)
                                .activityId(course),
                        null)
                .getId();
        DonationView donation = staff.fund()
                .recordDonation(
                        fund,
                        new CreateDonation()
                                .donorKind(DonorKind.RESIDENT)
                                .donorId(resident)
                                .displayName("吴女士")
                                .anonymous(false)
                                .amountFen(300_000L)
                                .channel(Channel.WECHAT_PAY)
                                .paymentReference("WX-CLIENT-" + resident)
                                .projectId(project),
                        "donation-" + resident);
        assertThat(donation.getReceiptNumber()).isNotBlank();
        assertThat(staff.fund().getProject(project).getFunding().getEarmarkedPercent())
                .isEqualTo(60);
        for (Step step : Step.values()) {
            staff.fund()
                    .reviewProject(
                            project,
                            new CreateReview()
                                    .step(step)
                                    .decision(Decision.APPROVE)
                                    .comment("同意"),
                            null);
        }
        // the system tests run fund-service with a two-second notice period (see Platform)
        await().atMost(EVENTUALLY)
                .until(() -> "APPROVED"
                        .equals(staff.fund().getProject(project).getStatus().getValue()));
        staff.fund()
                .disburse(
                        project,
                        new CreateDisbursement()
                                .amountFen(200_000L)
                                .payeeKind(PayeeKind.OUTSIDE)
                                .payee("成都某某社会工作服务中心")
                                .purpose("第一期课程材料费")
                                .invoiceReference("INV-" + project),
                        null);
        assertThat(staff.fund().verifyLedger(fund).getValid()).isTrue();

        // activity heard of the grant; resident-service's timeline has the claim, journal, enrolment, attendance and
        // donation
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            ActivityView funded = staff.activity().getActivity(course);
            assertThat(funded.getFundedByCommunityFund()).isTrue();
            assertThat(funded.getFundedTotalFen()).isEqualTo(200_000L);
        });
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Participation timeline = me.resident().getParticipation(resident, null, "100");
            assertThat(timeline.getItems())
                    .extracting(ParticipationEntry::getEventType)
                    .containsExactlyInAnyOrder(
                            "cn.bailian.farm.plot.claimed.v1",
                            "cn.bailian.farm.journal.recorded.v1",
                            "cn.bailian.activity.enrollment.confirmed.v1",
                            "cn.bailian.activity.attendance.recorded.v1",
                            "cn.bailian.fund.donation.received.v1");
            assertThat(timeline.getPoints()).isEqualTo(10 + 5 + 1 + 3 + 5);
        });
    }

    private static UUID register(Clients staff, UUID compound, String room, String name, String phone)
            throws Exception {
        UUID household = staff.resident()
                .createHousehold(
                        new CreateHousehold()
                                .compoundId(compound)
                                .building("7")
                                .unit("1")
                                .room(room),
                        null)
                .getId();
        return staff.resident()
                .registerResident(
                        new CreateResident()
                                .name(name)
                                .gender(Gender.FEMALE)
                                .birthDate(LocalDate.of(1986, 4, 12))
                                .phone(phone)
                                .residencyType(ResidencyType.PERMANENT)
                                .householdId(household)
                                .relationToHead(RelationToHead.SELF),
                        null)
                .getId();
    }

    /** The problem+json body of a failed call, read into the document's Problem schema. */
    private static Problem problem(ApiException e) throws Exception {
        return ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }
}
