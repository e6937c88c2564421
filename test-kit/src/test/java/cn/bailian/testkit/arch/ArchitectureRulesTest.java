package cn.bailian.testkit.arch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Each rule fails on a fixture that breaks it and passes on one that follows the layers. */
class ArchitectureRulesTest {

    private static final String BAD = "cn.bailian.archfixture.bad";
    private static final String GOOD = "cn.bailian.archfixture.good";
    private final JavaClasses bad = new ClassFileImporter().importPackages(BAD);
    private final JavaClasses good = new ClassFileImporter().importPackages(GOOD);

    @Test
    void aCycleBetweenFeaturesFails() {
        assertThatThrownBy(() -> ArchitectureRules.noCyclesBetweenFeatures(BAD).check(bad))
                .hasMessageContaining("feature a")
                .hasMessageContaining("feature b");
    }

    @Test
    void aResourceThatPersistsOrOpensATransactionFails() {
        assertThatThrownBy(() ->
                        ArchitectureRules.resourcesDoNotTouchPersistence(BAD).check(bad))
                .hasMessageContaining("EntityManager");
        assertThatThrownBy(() -> ArchitectureRules.resourceMethodsAreNotTransactional(BAD)
                        .check(bad))
                .hasMessageContaining("ThingEndpoint.list()");
    }

    @Test
    void anEntityInsideAResourcesGenericReturnTypeFails() {
        assertThatThrownBy(() ->
                        ArchitectureRules.noEntityInResourceSignatures(BAD).check(bad))
                .hasMessageContaining("exposes the entity cn.bailian.archfixture.bad.web.Thing");
    }

    @Test
    void theJvmsZoneFails() {
        assertThatThrownBy(() -> ArchitectureRules.noZonelessDates(BAD).check(bad))
                .hasMessageContaining("LocalDate.now()")
                .hasMessageContaining("ZoneId.systemDefault()")
                .hasMessageContaining("Instant.atZone");
    }

    @Test
    void aMisnamedResourceFails() {
        assertThatThrownBy(() -> ArchitectureRules.resourcesNamedSo(BAD).check(bad))
                .hasMessageContaining("ThingEndpoint");
    }

    @Test
    void theLayeredShapePassesEveryRule() {
        for (var rule : ArchitectureRules.forService(GOOD)) {
            assertThatCode(() -> rule.check(good)).as(rule.getDescription()).doesNotThrowAnyException();
        }
    }
}
