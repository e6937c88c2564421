package cn.bailian.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class IdNumbersTest {

    @Test
    void knownNumbersGetTheirCheckCharacter() {
        // the standard's own example, and one ending in a digit
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.checkCharacter("51010419850307001")).isEqualTo('7');
    }

    @Test
    void aNumberCarriesRegionBirthDateAndSequence() {
        String id = IdNumbers.of(IdNumbers.FICTIONAL_REGION, LocalDate.of(1953, 4, 12), 103);
        assertThat(id).hasSize(18).startsWith("51019919530412103");
        assertThat(id.charAt(17)).isEqualTo(IdNumbers.checkCharacter(id.substring(0, 17)));
    }

    @Test
    void aWrongLengthOrANonDigitIsRefused() {
        assertThatThrownBy(() -> IdNumbers.checkCharacter("1101051949123100"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumbers.checkCharacter("1101051949123100A"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumbers.of("5101", LocalDate.of(1990, 1, 1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
