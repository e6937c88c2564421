package cn.bailian.kit.pii;

/**
 * How personal data is shown to those who may not see it whole: 胡*, 138****5678, 5101**********123X.
 * Used for event payloads, public lists and rankings.
 */
public final class Masking {

    private Masking() {}

    /** The family name (first character) and one star: 胡小明 → 胡*. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "*";
        }
        String trimmed = name.strip();
        int first = trimmed.codePointAt(0);
        return new String(Character.toChars(first)) + "*";
    }

    /** Mainland mobile: first three and last four digits. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** ID-card number: first four and last four characters. */
    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return idNumber == null ? null : "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }
}
