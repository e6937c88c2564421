package cn.bailian.system.demo;

import cn.bailian.demo.ServiceUrls;
import cn.bailian.testkit.DevTokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the walkthrough's shell blocks as people do: bash, curl and jq, one block after the other in one
 * directory, each seeing the variables the earlier ones set. Two differences, both invisible to the commands:
 * {@code bin/bailian token} is this test's DevTokens (not a Maven build), and {@code curl} fails on an HTTP error
 * ({@code --fail-with-body}) and reports each answer's status on stderr, so that a step that "works" only
 * because {@code curl -s} hid a 4xx cannot pass.
 */
final class WalkthroughShell {

    /** One HTTP answer a block received. */
    record Answer(int status, String method, String url) {}

    record Run(String name, int exitCode, String stdout, String stderr, List<Answer> answers) {}

    private static final Pattern ANSWER = Pattern.compile("^HTTP (\\d{3}) (\\S+) (\\S+)$", Pattern.MULTILINE);
    private static final String STATE = ".walkthrough-state";

    private final Path directory;
    private final ServiceUrls urls;

    WalkthroughShell(Path directory, ServiceUrls urls, String keycloakIssuer, Path realm) throws IOException {
        this.directory = directory;
        this.urls = urls;
        Path bin = Files.createDirectories(directory.resolve("bin"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the dev key file bin/bailian up writes: this run's test key, which the run's Keycloak publishes
        Path devKey = Files.createDirectories(directory.resolve(".bailian")).resolve("dev-token.key");
        Files.write(devKey, List.of(DevTokens.exportKeyPair(), DevTokens.issuer(), DevTokens.keyId()));
        Files.writeString(bin.resolve("bailian"), """
                #!/usr/bin/env bash
                # bin/bailian as the walkthrough uses it: only 'token' — '--user' signs in at this run's Keycloak with
                # code + PKCE as bin/bailian does, '--role' is minted by test-kit's DevTokens with the run's dev key
                [[ ${1:-} == token ]] || { echo "walkthrough test: only 'bin/bailian token' is available" >&2; exit 2; }
                shift
                if [[ " $* " == *" --user "* ]]; then
                  exec '%1$s' -cp '%2$s' cn.bailian.testkit.KeycloakLogin --issuer '%3$s' --realm '%4$s' "$@"
                fi
                exec '%1$s' -cp '%2$s' cn.bailian.testkit.DevTokens --key-file '%5$s' "$@"
                """.formatted(
                        java, System.getProperty("java.class.path"), keycloakIssuer, realm, devKey));
        Files.setPosixFilePermissions(bin.resolve("bailian"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    Path directory() {
        return directory;
    }

    Run run(String name, String command) throws IOException, InterruptedException {
        String script = """
                set -euo pipefail
                compgen -v | sort > .walkthrough-base
                if [[ -f %1$s ]]; then source %1$s; fi
                curl() { command curl --fail-with-body -w '%%{stderr}HTTP %%{http_code} %%{method} %%{url_effective}\\n' "$@"; }
                %2$s
                # the variables this block and the earlier ones set, for the next block
                walkthrough_vars=$(compgen -v | sort | comm -13 .walkthrough-base - | grep -vx walkthrough_vars || true)
                if [[ -n $walkthrough_vars ]]; then declare -p $walkthrough_vars > %1$s; fi
                """.formatted(STATE, command);
        Path file = directory.resolve("step-" + name + ".sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString())
                .directory(directory.toFile())
                .redirectOutput(directory.resolve("step-" + name + ".out").toFile())
                .redirectError(directory.resolve("step-" + name + ".err").toFile());
        builder.environment().put("BAILIAN_RESIDENT_URL", urls.resident());
        builder.environment().put("BAILIAN_FARM_URL", urls.farm());
        builder.environment().put("BAILIAN_ACTIVITY_URL", urls.activity());
        builder.environment().put("BAILIAN_FUND_URL", urls.fund());
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("walkthrough step " + name + " did not finish in 120 s");
        }
        String stdout = Files.readString(directory.resolve("step-" + name + ".out"), StandardCharsets.UTF_8);
        String stderr = Files.readString(directory.resolve("step-" + name + ".err"), StandardCharsets.UTF_8);
        List<Answer> answers = new ArrayList<>();
        Matcher m = ANSWER.matcher(stderr);
        while (m.find()) {
            answers.add(new Answer(Integer.parseInt(m.group(1)), m.group(2), m.group(3)));
        }
        return new Run(name, process.exitValue(), stdout, stderr, answers);
    }
}
