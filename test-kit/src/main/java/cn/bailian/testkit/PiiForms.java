package cn.bailian.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shapes a phone or ID-card number takes when it leaks: as given, lower-cased (an ID card's x), a phone
 * without its leading 1 (+86 forms), an ID card without its check character. Tests search logs, events and
 * outputs for all of them.
 */
public final class PiiForms {

    private PiiForms() {}

    public static List<String> of(String... numbers) {
        List<String> forms = new ArrayList<>();
        for (String number : numbers) {
            forms.add(number);
            if (number.length() == 18) {
                forms.add(number.toLowerCase(Locale.ROOT));
                forms.add(number.substring(0, 17));
            } else {
                forms.add(number.substring(1));
            }
        }
        return forms;
    }
}
