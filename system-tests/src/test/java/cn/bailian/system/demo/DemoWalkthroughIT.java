package cn.bailian.system.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.bailian.demo.DemoData;
import cn.bailian.demo.DevTokenSource;
import cn.bailian.demo.ServiceUrls;
import cn.bailian.system.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo behind {@code bin/bailian up} and docs/walkthrough.md, against the packaged services: the Java loader
 * (module demo-data) loads 白莲社区, a second run finds it complete, and then every {@code sh} block of the
 * walkthrough runs in order, as people copy it, and answers what the page says it answers.
 */
class DemoWalkthroughIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The ten donations the loader books (fen). */
    private static final long DEMO_DONATIONS_FEN = 1_136_450;

    private static final long FIRST_DISBURSEMENT_FEN = 280_000;
    private static final long WALKTHROUGH_DONATION_FEN = 10_000;

    @TempDir
    Path directory;

    @Test
    void theDemoLoadsOnceAndEveryWalkthroughCommandAnswersAsThePageSays() throws Exception {
        Platform platform = Platform.get();
        ServiceUrls urls = new ServiceUrls(
                platform.url("resident-service"),
                platform.url("farm-service"),
                platform.url("activity-service"),
                platform.url("fund-service"));

        DemoData.Summary loaded =
                new DemoData(urls, new DevTokenSource(), DemoData.Settings.defaults(), System.out).load();
        assertThat(loaded.alreadyComplete()).isFalse();
        assertThat(loaded.plotsClaimed()).isEqualTo(19);
        assertThat(loaded.waiting()).isEqualTo(3);
        assertThat(loaded.activities()).isEqualTo(7);
        assertThat(loaded.enrollments()).isEqualTo(13);
        // the system tests' notice lasts seconds: the loader waited for 坝坝农场's approval and paid its first invoice
        assertThat(loaded.balanceFen()).isEqualTo(DEMO_DONATIONS_FEN - FIRST_DISBURSEMENT_FEN);

        ByteArrayOutputStream secondRun = new ByteArrayOutputStream();
        DemoData.Summary again = new DemoData(
                        urls,
                        new DevTokenSource(),
                        DemoData.Settings.defaults(),
                        new PrintStream(secondRun, true, StandardCharsets.UTF_8))
                .load();
        assertThat(again.alreadyComplete())
                .as(secondRun.toString(StandardCharsets.UTF_8))
                .isTrue();
        assertThat(again.communityId()).isEqualTo(loaded.communityId());
        assertThat(again.ledgerEntries()).isEqualTo(loaded.ledgerEntries());

        Walkthrough page = Walkthrough.read(
                Path.of(System.getProperty("bailian.root", "..")).resolve("docs/walkthrough.md"));
        // every command of the page is run here, in the page's order, and nothing this test expects is missing
        assertThat(page.commands().keySet())
                .containsExactly(
                        "sign-in",
                        "setup",
                        "stats",
                        "plot-map",
                        "reopen-d06",
                        "accept-offer",
                        "participation",
                        "courses",
                        "enrol",
                        "donate",
                        "projects",
                        "transparency",
                        "transparency-csv",
                        "verify-ledger");
        assertThat(page.outputs().keySet()).allMatch(page.commands()::containsKey);
        WalkthroughShell shell = new WalkthroughShell(
                directory,
                urls,
                platform.keycloak().issuer(),
                Path.of(System.getProperty("bailian.root", ".."))
                        .resolve("deploy/keycloak/realm-bailian.json")
                        .toAbsolutePath());

        // first: the administrator signs in at Keycloak (code + PKCE) and the token names the platform's audience
        WalkthroughShell.Run signIn = step(shell, page, "sign-in");
        assertThat(signIn.stdout()).contains("\"bailian-api\"").contains("ADMIN");

        // 0. the community, the farm and the fund the loader made
        WalkthroughShell.Run setup = step(shell, page, "setup");
        assertThat(setup.stdout().strip())
                .isEqualTo("community %s  farm %s  fund %s", loaded.communityId(), loaded.farmId(), loaded.fundId());
        printsWhatThePageShows(step(shell, page, "stats"), page);

        // 1. the plot map and the waitlist, as the page shows them
        printsWhatThePageShows(step(shell, page, "plot-map"), page);

        // 2. D-06 reopened goes to the head of the waitlist, who accepts it with her own token
        WalkthroughShell.Run reopened = step(shell, page, "reopen-d06");
        printsWhatThePageShows(reopened, page);
        assertThat(reopened.answers())
                .anySatisfy(a -> assertThat(a).extracting("method", "status").containsExactly("PATCH", 200));
        WalkthroughShell.Run accepted = step(shell, page, "accept-offer");
        JsonNode claim = documents(accepted).getLast();
        assertThat(claim.path("plotCode").asText()).isEqualTo("D-06");
        assertThat(claim.path("status").asText()).isEqualTo("ACTIVE");
        // a claim for one year: the last day is the eve of the anniversary
        assertThat(LocalDate.parse(claim.path("endsOn").asText()))
                .isEqualTo(LocalDate.parse(claim.path("startsOn").asText())
                        .plusYears(1)
                        .minusDays(1));
        assertThat(accepted.answers())
                .anySatisfy(a -> assertThat(a).extracting("method", "status").containsExactly("POST", 201));

        // the claim reaches her participation record through Kafka: the page waits two seconds, a slow machine more
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode participation =
                            documents(step(shell, page, "participation")).getFirst();
                    assertThat(participation.path("points").asInt()).isPositive();
                    assertThat(participation.path("items").findValuesAsText("eventType"))
                            .anyMatch(t -> t.contains("claim"));
                });

        // 3. the course list, and a mother enrolling her daughter in parent-child baking
        // the order follows the first sessions, which depend on the weekday the demo was loaded
        WalkthroughShell.Run courses = step(shell, page, "courses");
        assertThat(courses.stdout().strip().lines())
                .as("output of walkthrough step courses")
                .containsExactlyInAnyOrderElementsOf(
                        page.output("courses").strip().lines().toList());
        WalkthroughShell.Run enrolled = step(shell, page, "enrol");
        List<JsonNode> enrolment = documents(enrolled);
        assertThat(enrolment.get(0).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(enrolment.get(0).path("checkInCode").asText()).isNotBlank();
        assertThat(enrolment.get(1).path("title").asText()).isEqualTo("亲子烘焙·暖冬南瓜饼");
        assertThat(enrolment.get(1).path("confirmedCount").asInt()).isEqualTo(2);
        assertThat(enrolment.get(1).path("placesLeft").asInt()).isEqualTo(6);
        assertThat(enrolled.answers())
                .anySatisfy(a -> assertThat(a).extracting("method", "status").containsExactly("POST", 201));

        // 4. a donation and its receipt number; the same command again books nothing (200, same receipt)
        String year = Integer.toString(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        WalkthroughShell.Run donated = step(shell, page, "donate");
        JsonNode donation = documents(donated).getFirst();
        assertThat(donation.path("receiptNumber").asText()).matches("BL-" + year + "-\\d{6}");
        assertThat(donation.path("displayName").asText()).isEqualTo("宋*");
        assertThat(donation.path("amountFen").asLong()).isEqualTo(WALKTHROUGH_DONATION_FEN);
        assertThat(donated.answers()).extracting("status").containsExactly(201);
        WalkthroughShell.Run donatedAgain = step(shell, page, "donate");
        assertThat(donatedAgain.stdout()).isEqualTo(donated.stdout());
        assertThat(donatedAgain.answers()).extracting("status").containsExactly(200);
        printsWhatThePageShows(step(shell, page, "projects"), page);

        // 5. the month's transparency report: every donation, the first payment, donors masked or 匿名
        JsonNode report = documents(step(shell, page, "transparency")).getFirst();
        long donatedFen = DEMO_DONATIONS_FEN + WALKTHROUGH_DONATION_FEN;
        assertThat(report.path("fundName").asText()).isEqualTo(DemoData.FUND_NAME);
        assertThat(report.path("donationsFen").asLong()).isEqualTo(donatedFen);
        assertThat(report.path("spendingFen").asLong()).isEqualTo(FIRST_DISBURSEMENT_FEN);
        assertThat(report.path("closingBalanceFen").asLong()
                        - report.path("openingBalanceFen").asLong())
                .isEqualTo(donatedFen - FIRST_DISBURSEMENT_FEN);
        List<JsonNode> donations = new ArrayList<>();
        report.path("donations").forEach(donations::add);
        assertThat(donations)
                .hasSize(11)
                .allSatisfy(d -> assertThat(d.path("receiptNumber").asText()).matches("BL-" + year + "-\\d{6}"));
        assertThat(donations)
                .extracting(d -> d.path("donor").asText())
                .contains("匿名")
                .doesNotContain("张德明", "李秀英", "孙志刚", "袁芳", "宋雅琴");
        assertThat(donations.stream().map(d -> d.path("receiptNumber").asText()).collect(Collectors.toSet()))
                .hasSize(11);

        WalkthroughShell.Run csv = step(shell, page, "transparency-csv");
        byte[] file = Files.readAllBytes(shell.directory().resolve("transparency.csv"));
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF); // UTF-8 BOM, for spreadsheet programs
        assertThat(csv.stdout())
                .startsWith("\uFEFF基金 fund," + DemoData.FUND_NAME)
                .contains("捐赠收入(分) donationsFen," + donatedFen, "项目支出(分) spendingFen," + FIRST_DISBURSEMENT_FEN);
        assertThat(new String(file, StandardCharsets.UTF_8))
                .contains(donation.path("receiptNumber").asText());

        JsonNode verification = documents(step(shell, page, "verify-ledger")).getFirst();
        assertThat(verification.path("valid").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.path("balanceMatches").asBoolean())
                .as(verification.toString())
                .isTrue();
    }

    /** Runs one block; it must finish without error and every HTTP answer it got must be a success. */
    private static WalkthroughShell.Run step(WalkthroughShell shell, Walkthrough page, String name) throws Exception {
        WalkthroughShell.Run run = shell.run(name, page.command(name));
        assertThat(run.exitCode())
                .as("walkthrough step %s failed:%n%s%n%s", name, run.stdout(), run.stderr())
                .isZero();
        assertThat(run.answers())
                .as("walkthrough step %s: HTTP answers%n%s", name, run.stderr())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.status()).isBetween(200, 299));
        return run;
    }

    /** The block's output is the page's {@code text} block of the same name (trailing blanks aside). */
    private static void printsWhatThePageShows(WalkthroughShell.Run run, Walkthrough page) {
        assertThat(run.stdout().strip())
                .as("output of walkthrough step %s", run.name())
                .isEqualTo(page.output(run.name()).strip());
    }

    /** The JSON documents a block printed (jq prints one after the other). */
    private static List<JsonNode> documents(WalkthroughShell.Run run) throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = JSON.readerFor(JsonNode.class).readValues(run.stdout())) {
            values.forEachRemaining(v -> documents.add((JsonNode) v));
        }
        assertThat(documents)
                .as("JSON printed by walkthrough step %s", run.name())
                .isNotEmpty();
        return documents;
    }
}
