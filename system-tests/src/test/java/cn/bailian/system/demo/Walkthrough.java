package cn.bailian.system.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced blocks of docs/walkthrough.md: each {@code ```sh name} block is one step people copy into a shell;
 * a {@code ```text name} block is the output that step prints. The name after the language is ignored by
 * Markdown renderers, so the page stays plain copy-paste for people.
 */
record Walkthrough(Map<String, String> commands, Map<String, String> outputs) {

    private static final Pattern FENCE = Pattern.compile(
            "^```(\\w+)(?:[ \\t]+([\\w-]+))?[ \\t]*\\n(.*?)^```[ \\t]*$", Pattern.MULTILINE | Pattern.DOTALL);

    static Walkthrough read(Path markdown) throws IOException {
        Map<String, String> commands = new LinkedHashMap<>();
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> unnamed = new ArrayList<>();
        Matcher m = FENCE.matcher(Files.readString(markdown, StandardCharsets.UTF_8));
        while (m.find()) {
            String language = m.group(1);
            String name = m.group(2);
            String body = m.group(3);
            Map<String, String> into = switch (language) {
                case "sh" -> commands;
                case "text" -> outputs;
                default -> null;
            };
            if (into == null) {
                continue;
            }
            if (name == null) {
                unnamed.add(language + ": " + body.lines().findFirst().orElse(""));
            } else if (into.put(name, body) != null) {
                throw new IllegalStateException(markdown + ": two " + language + " blocks named " + name);
            }
        }
        if (!unnamed.isEmpty()) {
            // an unnamed block would be run by nobody: every command of the page is held to what it promises
            throw new IllegalStateException(markdown + ": blocks without a name: " + unnamed);
        }
        return new Walkthrough(commands, outputs);
    }

    String command(String name) {
        String command = commands.get(name);
        if (command == null) {
            throw new IllegalStateException("docs/walkthrough.md has no ```sh " + name + " block");
        }
        return command;
    }

    String output(String name) {
        String output = outputs.get(name);
        if (output == null) {
            throw new IllegalStateException("docs/walkthrough.md has no ```text " + name + " block");
        }
        return output;
    }
}
