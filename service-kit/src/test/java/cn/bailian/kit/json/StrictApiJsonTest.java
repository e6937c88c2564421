package cn.bailian.kit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.testkit.BailianTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Found by the system tests' bad-input generator: numbers and "" were silently read as dates and absent ids. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class StrictApiJsonTest {

    record Dated(LocalDate day, OffsetDateTime at, LocalTime time, UUID id) {}

    @Inject
    ObjectMapper mapper;

    @Test
    void isoTextIsRead() throws Exception {
        Dated d = mapper.readValue(
                "{\"day\":\"2026-11-27\",\"at\":\"2026-11-27T10:00:00+08:00\",\"time\":\"08:30\","
                        + "\"id\":\"3f1e6c7a-1b2c-4d5e-8f90-123456789abc\"}",
                Dated.class);
        assertThat(d.day()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(d.at().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(d.time()).isEqualTo(LocalTime.of(8, 30));
        assertThat(d.id()).isNotNull();
        assertThat(mapper.readValue("{\"day\":null}", Dated.class).day()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"day\":123}",
                "{\"day\":\"\"}",
                "{\"at\":1700000000}",
                "{\"at\":1.5}",
                "{\"at\":\"\"}",
                "{\"time\":3600}",
                "{\"day\":true}",
                "{\"id\":\"\"}"
            })
    void numbersAndEmptyTextAreNotDatesOrIds(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Dated.class)).isInstanceOf(MismatchedInputException.class);
    }
}
