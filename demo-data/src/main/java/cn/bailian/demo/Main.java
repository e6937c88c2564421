package cn.bailian.demo;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code bin/bailian up} runs this once per database server:
 * {@code java cn.bailian.demo.Main --resident URL --farm URL --activity URL --fund URL [--tokens dev]
 * [--event-timeout SECONDS] [--notice-wait SECONDS] [--force]}. Exits 0 when the data is loaded or was
 * already complete, 1 when a request failed (the answer is printed), 2 on a bad command line.
 */
public final class Main {

    private static final String USAGE =
            "usage: java cn.bailian.demo.Main --resident URL --farm URL --activity URL --fund URL"
                    + " [--tokens dev] [--event-timeout SECONDS (180)] [--notice-wait SECONDS (240)] [--force]";

    private Main() {}

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--force")) {
                force = true;
            } else if (option.startsWith("--") && i + 1 < args.length) {
                options.put(option.substring(2), args[++i]);
            } else {
                usage("unexpected argument " + option);
            }
        }
        for (String service : new String[] {"resident", "farm", "activity", "fund"}) {
            if (!options.containsKey(service)) {
                usage("--" + service + " URL missing");
            }
        }
        TokenSource tokens = switch (options.getOrDefault("tokens", "dev")) {
            case "dev" -> new DevTokenSource();
            default -> {
                usage("unknown token source " + options.get("tokens") + " (dev)");
                yield null;
            }
        };
        DemoData.Settings defaults = DemoData.Settings.defaults();
        DemoData.Settings settings = new DemoData.Settings(
                seconds(options.get("event-timeout"), defaults.eventTimeout()),
                seconds(options.get("notice-wait"), defaults.noticeWait()),
                force);
        ServiceUrls urls = new ServiceUrls(
                options.get("resident"), options.get("farm"), options.get("activity"), options.get("fund"));
        try {
            new DemoData(urls, tokens, settings, System.out).load();
        } catch (Calls.LoadFailed e) {
            System.err.println("demo-data: FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Duration seconds(String value, Duration otherwise) {
        return value == null ? otherwise : Duration.ofSeconds(Long.parseLong(value));
    }

    private static void usage(String problem) {
        System.err.println("demo-data: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
