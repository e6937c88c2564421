package cn.bailian.kit.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Problem texts by code: the service's {@code i18n/problems} bundle first, then the kit's
 * {@code i18n/kit-problems}. The base bundles are zh-CN (the default), the {@code _en} ones English.
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<String> BUNDLES = List.of("i18n.problems", "i18n.kit-problems");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    /** English if the caller prefers it, else Chinese. */
    public static Locale resolve(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("en")) {
                    return ENGLISH;
                }
                if (tag.startsWith("zh") || tag.equals("*")) {
                    return CHINESE;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return CHINESE;
        }
        return CHINESE;
    }

    public static String title(String code, Locale locale) {
        return lookup(code + ".title", locale, code);
    }

    public static String detail(String code, Locale locale, Object... args) {
        String pattern = lookup(code + ".detail", locale, null);
        if (pattern == null) {
            return null;
        }
        return new MessageFormat(pattern, locale).format(args == null ? new Object[0] : args);
    }

    /** A field error's text, {@code field.<key>} in the bundles (with MessageFormat arguments). */
    public static String field(String key, Locale locale, Object... args) {
        String pattern = lookup("field." + key, locale, key);
        return new MessageFormat(pattern, locale).format(args == null ? new Object[0] : args);
    }

    private static String lookup(String key, Locale locale, String fallback) {
        Locale bundleLocale = ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : Locale.ROOT;
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle =
                        ResourceBundle.getBundle(name, bundleLocale, Messages.class.getClassLoader(), NO_FALLBACK);
                if (bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            } catch (MissingResourceException absent) {
                // this service has no bundle of that name
            }
        }
        return fallback;
    }
}
