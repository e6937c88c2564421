package cn.bailian.resident.pii;

import java.util.regex.Pattern;

/** Mainland mobile numbers. */
public final class Phones {

    public static final String PATTERN = "^1[3-9]\\d{9}$";
    private static final Pattern MOBILE = Pattern.compile(PATTERN);

    private Phones() {}

    /** Without blanks, dashes and a +86 / 0086 prefix. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits;
    }

    public static boolean isValid(String normalised) {
        return normalised != null && MOBILE.matcher(normalised).matches();
    }
}
