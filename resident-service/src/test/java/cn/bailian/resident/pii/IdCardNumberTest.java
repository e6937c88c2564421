package cn.bailian.resident.pii;

import cn.bailian.testkit.IdNumbers;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IdCardNumberTest {

    @Test
    void acceptsAKnownValidNumber() {
        // the GB 11643 standard's own example
        assertThat(IdCardNumber.problem("11010519491231002X")).isEmpty();
        assertThat(IdCardNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdCardNumber.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
    }

    @Test
    void theTestKitsGeneratedNumbersPassTheProductionCheck() {
        // the one generator of fictional numbers (tests, system tests, demo data) against the real rule
        for (int i = 0; i < 200; i++) {
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i * 97L);
            assertThat(IdCardNumber.problem(IdNumbers.random(birth))).isEmpty();
            assertThat(IdCardNumber.checkCharacter(IdNumbers.of(IdNumbers.FICTIONAL_REGION, birth, i).substring(0, 17)))
                    .isEqualTo(IdNumbers.of(IdNumbers.FICTIONAL_REGION, birth, i).charAt(17));
        }
    }

    @Test
    void theNumberShownInTheApiDocumentIsValid() {
        assertThat(IdCardNumber.problem("510104198503070017")).isEmpty();
    }

    @Test
    void lowerCaseXIsNormalised() {
        assertThat(IdCardNumber.isValid(IdCardNumber.normalise(" 11010519491231002x "))).isTrue();
    }

    @Test
    void wrongCheckDigitIsRefused() {
        assertThat(IdCardNumber.problem("110105194912310021")).contains("IdNumberCheckDigit");
    }

    @Test
    void everySingleDigitChangeIsDetected() {
        String valid = "11010519491231002X";
        for (int i = 0; i < 17; i++) {
            char original = valid.charAt(i);
            char other = original == '9' ? '0' : (char) (original + 1);
            String changed = valid.substring(0, i) + other + valid.substring(i + 1);
            if (IdCardNumber.birthDate(changed).isPresent()) {
                assertThat(IdCardNumber.problem(changed)).as("digit %d", i).contains("IdNumberCheckDigit");
            }
        }
    }

    @Test
    void impossibleBirthDateIsRefusedEvenWithAMatchingCheckDigit() {
        String first17 = "51010419850230001"; // 30 February
        assertThat(IdCardNumber.problem(first17 + IdCardNumber.checkCharacter(first17))).contains("IdNumberBirthDate");
        String future = "51010430000101001";
        assertThat(IdCardNumber.problem(future + IdCardNumber.checkCharacter(future))).contains("IdNumberBirthDate");
    }

    @Test
    void lengthAndCharactersAreChecked() {
        assertThat(IdCardNumber.problem("1101051949123100")).contains("IdNumberLength");
        assertThat(IdCardNumber.problem(null)).contains("IdNumberLength");
        assertThat(IdCardNumber.problem("1101051949123100AX")).contains("IdNumberFormat");
        assertThat(IdCardNumber.problem("11010519491231002Y")).contains("IdNumberFormat");
        assertThat(IdCardNumber.problem("١١010519491231002X")).contains("IdNumberFormat");
    }

    @Test
    void mobileNumbers() {
        assertThat(Phones.isValid("13812345678")).isTrue();
        assertThat(Phones.isValid("19912345678")).isTrue();
        assertThat(Phones.isValid("12812345678")).isFalse();
        assertThat(Phones.isValid("1381234567")).isFalse();
        assertThat(Phones.isValid("138123456789")).isFalse();
    }
}
