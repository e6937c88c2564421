package cn.bailian.testkit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fictional mainland ID-card numbers (GB 11643-1999) for tests and the demo data: 17 digits (region, birth date,
 * sequence) and the ISO 7064 MOD 11-2 check character. The one generator the tests, the system tests and the
 * demo-data loader share; the services' validator ({@code resident-service pii/IdCardNumber}) stays the
 * production rule and is tested against numbers made here.
 */
public final class IdNumbers {

    /** A region code no district has (5101 is Chengdu; 99 is unused), so a demo number is never a real one. */
    public static final String FICTIONAL_REGION = "510199";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private IdNumbers() {}

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 digits needed, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char digit = first17.charAt(i);
            if (digit < '0' || digit > '9') {
                throw new IllegalArgumentException("not a digit at " + i + ": " + digit);
            }
            sum += (digit - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The number of this region (6 digits), birth date and sequence (0–999; odd for men, even for women). */
    public static String of(String region, LocalDate birthDate, int sequence) {
        if (region.length() != 6 || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException(
                    "region of 6 digits and a sequence 0-999 needed: " + region + ", " + sequence);
        }
        String first17 = region + birthDate.format(BASIC_DATE) + String.format("%03d", sequence);
        return first17 + checkCharacter(first17);
    }

    /** A number in Chengdu (5101xx, random district and sequence) for this birth date: unique enough for tests. */
    public static String random(LocalDate birthDate) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return of("5101" + String.format("%02d", random.nextInt(1, 99)), birthDate, random.nextInt(1000));
    }
}
