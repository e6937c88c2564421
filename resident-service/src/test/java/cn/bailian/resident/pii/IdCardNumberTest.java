package cn.bailian.resident.pii;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.testkit.IdNumbers;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class IdCardNumberTest {

    /** The community's today, as CommunityClock.today() would give it. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void acceptsAKnownValidNumber() {
        // the GB 11643 standard's own example
        assertThat(IdCardNumber.problem("11010519491231002X", TODAY)).isEmpty();
        assertThat(IdCardNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdCardNumber.birthDate("11010519491231002X", TODAY)).contains(LocalDate.of(1949, 12, 31));
    }

    @Test
    void theTestKitsGeneratedNumbersPassTheProductionCheck() {
        // the one generator of fictional numbers (tests, system tests, demo data) against the real rule
        for (int i = 0; i < 200; i++) {
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i * 97L);
            assertThat(IdCardNumber.problem(IdNumbers.random(birth), TODAY)).isEmpty();
            assertThat(IdCardNumber.checkCharacter(
                            IdNumbers.of(IdNumbers.FICTIONAL_REGION, birth, i).substring(0, 17)))
                    .isEqualTo(
                            IdNumbers.of(IdNumbers.FICTIONAL_REGION, birth, i).charAt(17));
        }
    }

    @Test
    void theNumberShownInTheApiDocumentIsValid() {
        assertThat(IdCardNumber.problem("510104198503070017", TODAY)).isEmpty();
    }

    @Test
    void lowerCaseXIsNormalised() {
        assertThat(IdCardNumber.isValid(IdCardNumber.normalise(" 11010519491231002x "), TODAY))
                .isTrue();
    }

    @Test
    void wrongCheckDigitIsRefused() {
        assertThat(IdCardNumber.problem("110105194912310021", TODAY)).contains("IdNumberCheckDigit");
    }

    @Test
    void everySingleDigitChangeIsDetected() {
        String valid = "11010519491231002X";
        for (int i = 0; i < 17; i++) {
            char original = valid.charAt(i);
            char other = original == '9' ? '0' : (char) (original + 1);
            String changed = valid.substring(0, i) + other + valid.substring(i + 1);
            if (IdCardNumber.birthDate(changed, TODAY).isPresent()) {
                assertThat(IdCardNumber.problem(changed, TODAY))
                        .as("digit %d", i)
                        .contains("IdNumberCheckDigit");
            }
        }
    }

    @Test
    void impossibleBirthDateIsRefusedEvenWithAMatchingCheckDigit() {
        String first17 = "51010419850230001"; // 30 February
        assertThat(IdCardNumber.problem(first17 + IdCardNumber.checkCharacter(first17), TODAY))
                .contains("IdNumberBirthDate");
        String future = "51010430000101001";
        assertThat(IdCardNumber.problem(future + IdCardNumber.checkCharacter(future), TODAY))
                .contains("IdNumberBirthDate");
    }

    @Test
    void lengthAndCharactersAreChecked() {
        assertThat(IdCardNumber.problem("1101051949123100", TODAY)).contains("IdNumberLength");
        assertThat(IdCardNumber.problem(null, TODAY)).contains("IdNumberLength");
        assertThat(IdCardNumber.problem("1101051949123100AX", TODAY)).contains("IdNumberFormat");
        assertThat(IdCardNumber.problem("11010519491231002Y", TODAY)).contains("IdNumberFormat");
        assertThat(IdCardNumber.problem("١١010519491231002X", TODAY)).contains("IdNumberFormat");
    }

    @Test
    void mobileNumbers() {
        assertThat(Phones.isValid("13812345678")).isTrue();
        assertThat(Phones.isValid("19912345678")).isTrue();
        assertThat(Phones.isValid("12812345678")).isFalse();
        assertThat(Phones.isValid("1381234567")).isFalse();
        assertThat(Phones.isValid("138123456789")).isFalse();
    }

    @Test
    void aBirthDateIsCheckedAgainstTheTodayGiven() {
        // born on the community's today: valid, even where the server's (UTC) calendar still shows yesterday
        String bornToday = "510104" + TODAY.toString().replace("-", "") + "001";
        assertThat(IdCardNumber.problem(bornToday + IdCardNumber.checkCharacter(bornToday), TODAY))
                .isEmpty();
        assertThat(IdCardNumber.problem(bornToday + IdCardNumber.checkCharacter(bornToday), TODAY.minusDays(1)))
                .contains("IdNumberBirthDate");
        String bornTomorrow = "510104" + TODAY.plusDays(1).toString().replace("-", "") + "001";
        assertThat(IdCardNumber.birthDate(bornTomorrow + IdCardNumber.checkCharacter(bornTomorrow), TODAY))
                .isEmpty();
    }
}
