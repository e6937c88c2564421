package cn.bailian.resident.resident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.bailian.resident.Fixtures;
import cn.bailian.resident.pii.PiiVault;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import cn.bailian.testkit.PiiForms;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A phone number and an ID-card number go through every path that writes (register, duplicate refusal,
 * invalid input, update, move-out, import); then the service's whole log output, every event on its topic
 * and the outbox are searched for them in every form, and for their keyed hashes.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class PiiLeakTest {

    @Inject
    PiiVault vault;

    @Test
    void neitherLogsNorEventsCarryPhoneOrIdNumber() throws Exception {
        Fixtures f = Fixtures.community();
        LocalDate birth = LocalDate.of(1979, 11, 23);
        Map<String, Object> body = f.person("胡小明", birth, "SELF");
        String phone = (String) body.get("phone");
        String idNumber = (String) body.get("idNumber");
        String newPhone = Fixtures.phone();
        UUID id;
        try (EventProbe probe = EventProbe.on("bailian.resident.events")) {
            id = f.registerOk(body);
            f.register(body).statusCode(409); // refused duplicate: constraint paths must not log the values either
            Map<String, Object> invalid = f.person("胡", birth, "CHILD");
            invalid.put("phone", phone + "9");
            invalid.put("idNumber", idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1'));
            f.register(invalid).statusCode(400);
            given().auth()
                    .oauth2(f.staff)
                    .contentType("text/csv")
                    .body("name,gender,birthDate,phone,idNumber,residencyType,householdId,relationToHead\n" + "胡,MALE,"
                            + birth + "," + phone + "," + idNumber + ",PERMANENT," + f.householdId + ",CHILD\n")
                    .post("/api/v1/residents/import")
                    .then()
                    .statusCode(422);
            String etag = given().auth()
                    .oauth2(f.staff)
                    .get("/api/v1/residents/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            given().auth()
                    .oauth2(DevTokens.resident(id, f.communityId))
                    .header("If-Match", etag)
                    .contentType(ContentType.JSON)
                    .body(Map.of("phone", newPhone))
                    .patch("/api/v1/residents/" + id)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(f.staff)
                    .contentType(ContentType.JSON)
                    .body(Map.of("date", LocalDate.now().toString()))
                    .post("/api/v1/residents/" + id + "/move-out")
                    .then()
                    .statusCode(200);
            String subject = id.toString();
            probe.await(ResidentEvents.REGISTERED, e -> e.subject().equals(subject));
            probe.await(ResidentEvents.MOVED_OUT, e -> e.subject().equals(subject));
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            probe.count(ResidentEvents.UPDATED, e -> e.subject().equals(subject)) == 2);

            List<String> secrets = forms(phone, idNumber, newPhone);
            assertThat(probe.all()).isNotEmpty();
            for (EventProbe.Received event : probe.all()) {
                for (String secret : secrets) {
                    assertThat(event.raw()).as("event %s", event.type()).doesNotContain(secret);
                }
            }
        }
        // the outbox rows (the events as stored) and the audit trail
        List<String> stored = new ArrayList<>();
        try (Connection db = BailianTestResource.connect();
                Statement st = db.createStatement()) {
            for (String sql : List.of(
                    "select payload from outbox_event",
                    "select array_to_string(fields, ',') from audit_entry",
                    "select coalesce(body, '') from idempotency_record")) {
                ResultSet rs = st.executeQuery(sql);
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        }
        for (String row : stored) {
            for (String secret : forms(phone, idNumber, newPhone)) {
                assertThat(row).doesNotContain(secret);
            }
        }
        Path log = Path.of("target/resident-service-test.log");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(log));
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logged).contains(id.toString()); // the log is the service's own and was written during this test
        for (String secret : forms(phone, idNumber, newPhone)) {
            assertThat(logged).doesNotContain(secret);
        }
    }

    /** The values in every form they could leak in (test kit), and their keyed hashes. */
    private List<String> forms(String phone, String idNumber, String newPhone) {
        List<String> forms = new ArrayList<>(PiiForms.of(phone, newPhone, idNumber));
        forms.addAll(
                List.of(vault.hash("phone", phone), vault.hash("phone", newPhone), vault.hash("idNumber", idNumber)));
        return forms;
    }
}
