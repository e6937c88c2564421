package cn.bailian.kit.etag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** One reading of an entity-tag list serves If-Match (versions) and If-None-Match (the public cache). */
class ETagsTest {

    @Test
    void aListNamesATagWithOrWithoutQuotesAndWeakPrefix() {
        assertThat(ETags.listed("\"3\"", "3")).isTrue();
        assertThat(ETags.listed("W/\"ab\", \"cd\"", "\"ab\"")).isTrue();
        assertThat(ETags.listed(" \"x\" ,\"cd\"", "\"cd\"")).isTrue();
        assertThat(ETags.listed("*", "\"anything\"")).isTrue();
        assertThat(ETags.listed("\"ab\"", "\"abc\"")).isFalse();
        assertThat(ETags.listed(null, "\"ab\"")).isFalse();
    }

    @Test
    void ifMatchIsRequiredAndMustNameTheCurrentVersion() {
        ETags.requireMatch("W/\"7\"", 7);
        assertThatThrownBy(() -> ETags.requireMatch(" ", 7))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
        assertThatThrownBy(() -> ETags.requireMatch("\"6\"", 7))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(412));
    }
}
