package cn.bailian.deploy;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The environment variables a set of properties makes an application read. */
final class EnvNames {

    /** {@code ${NAME}} or {@code ${NAME:default}}, also nested in a default. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.\\-]*)");

    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");

    private EnvNames() {}

    /** Quarkus' (MicroProfile Config's) mapping: upper case, every non-alphanumeric character an underscore. */
    static String of(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Each key's variable (profile prefix removed) and each {@code ${VAR}} a value references. */
    static Set<String> readBy(Properties properties) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : properties.stringPropertyNames()) {
            names.add(of(PROFILE.matcher(key).replaceFirst("")));
            Matcher m = REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                names.add(m.group(1).matches("[A-Z0-9_]+") ? m.group(1) : of(m.group(1)));
            }
        }
        return names;
    }
}
