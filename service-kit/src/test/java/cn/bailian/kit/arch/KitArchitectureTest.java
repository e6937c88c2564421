package cn.bailian.kit.arch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.testkit.arch.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The kit serves all four services and knows none of them; its dates come from the community clock too. */
class KitArchitectureTest {

    private final JavaClasses kit = ArchitectureRules.importMain(ArchitectureRules.KIT);

    @Test
    void importsNoService() {
        assertThat(kit).isNotEmpty();
        ArchitectureRules.kitImportsNoService().check(kit);
    }

    @Test
    void datesOnlyThroughTheCommunityClock() {
        ArchitectureRules.noZonelessDates(ArchitectureRules.KIT).check(kit);
    }

    @Test
    void featuresHaveNoCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(ArchitectureRules.KIT).check(kit);
    }
}
