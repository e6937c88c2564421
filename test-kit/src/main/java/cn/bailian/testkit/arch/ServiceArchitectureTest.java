package cn.bailian.testkit.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Holds a service's main classes to {@link ArchitectureRules}: one test per rule, so a failure names the rule broken.
 * A service's {@code ArchitectureTest} extends this and names its root package. Plain JUnit: no Quarkus boot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final String rootPackage;
    private JavaClasses classes;

    protected ServiceArchitectureTest(String rootPackage) {
        this.rootPackage = rootPackage;
    }

    @BeforeAll
    void importClasses() {
        classes = ArchitectureRules.importMain(rootPackage);
        // Every rule allows an empty selection (a service may have no event handler): make sure the import is not.
        if (classes.stream().noneMatch(c -> c.isAnnotatedWith("jakarta.ws.rs.Path"))) {
            throw new AssertionError("no resource found below " + rootPackage + ": the rules would check nothing");
        }
    }

    @Test
    void featuresHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(rootPackage).check(classes);
    }

    @Test
    void resourcesLeavePersistenceAndEventsToServices() {
        ArchitectureRules.resourcesDoNotTouchPersistence(rootPackage).check(classes);
        ArchitectureRules.resourceMethodsAreNotTransactional(rootPackage).check(classes);
    }

    @Test
    void noEntityInTheApi() {
        ArchitectureRules.noEntityInResourceSignatures(rootPackage).check(classes);
    }

    @Test
    void noOtherServiceImported() {
        ArchitectureRules.noOtherServiceImported(rootPackage).check(classes);
    }

    @Test
    void datesOnlyThroughTheCommunityClock() {
        ArchitectureRules.noZonelessDates(rootPackage).check(classes);
    }

    @Test
    void namesFollowTheConvention() {
        ArchitectureRules.eventHandlersNamedSo(rootPackage).check(classes);
        ArchitectureRules.resourcesNamedSo(rootPackage).check(classes);
    }
}
