package cn.bailian.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document a service serves must be the one committed at {@code openapi/openapi.yaml} in its
 * module, so integrators can read (and diff) the contract without running anything. Run the tests with
 * {@code -Dopenapi.write=true} (bin/bailian openapi) to write the served document there instead.
 */
public final class OpenApiContract {

    public static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    private OpenApiContract() {
    }

    /** Call from a {@code @QuarkusTest} of the service (the working directory is the module's). */
    public static void assertServedDocumentIsCommitted() {
        String served = given().accept("application/yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        try {
            if (Boolean.getBoolean("openapi.write")) {
                Files.createDirectories(COMMITTED.getParent());
                Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
                return;
            }
            assertThat(COMMITTED).as("committed OpenAPI document (write it with bin/bailian openapi)").exists();
            String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
            assertThat(served)
                    .as("the served /q/openapi differs from the committed %s: if the change is intended, run bin/bailian openapi and commit it",
                            COMMITTED.toAbsolutePath())
                    .isEqualTo(committed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
