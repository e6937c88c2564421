package cn.bailian.resident.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Mainland resident ID-card numbers (GB 11643-1999): 17 digits and a check character computed with
 * ISO 7064 MOD 11-2; digits 7 to 14 are the birth date. Pure, so it is unit-tested without the stack: "today" is
 * passed in, from the community clock (CommunityClock.today()), never the JVM's zone.
 */
public final class IdCardNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdCardNumber() {}

    /** Upper-case, without surrounding blanks: the form that is hashed and stored. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Why a (normalised) number is invalid as of {@code today} (a birth date after it is impossible), or empty. */
    public static Optional<String> problem(String number, LocalDate today) {
        if (number == null || number.length() != 18) {
            return Optional.of("IdNumberLength");
        }
        for (int i = 0; i < 17; i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return Optional.of("IdNumberFormat");
            }
        }
        char last = number.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of("IdNumberFormat");
        }
        if (birthDate(number, today).isEmpty()) {
            return Optional.of("IdNumberBirthDate");
        }
        if (checkCharacter(number.substring(0, 17)) != last) {
            return Optional.of("IdNumberCheckDigit");
        }
        return Optional.empty();
    }

    public static boolean isValid(String number, LocalDate today) {
        return problem(number, today).isEmpty();
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * The embedded birth date, if it is a real date not after {@code today}. Today is the community's (Asia/Shanghai),
     * not the server's: a child born today in Chengdu before 08:00 is still "in the future" in UTC.
     */
    public static Optional<LocalDate> birthDate(String number, LocalDate today) {
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
            return date.getYear() >= 1900 && !date.isAfter(today) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
