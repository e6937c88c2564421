package bench;

import cn.bailian.testkit.DevTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bench.Keys DIR}: the signing key of one bench run. The services verify the driver's tokens with its public
 * half (dev-token.pem, named by {@code BAILIAN_JWKS_URL=file:…}); the driver signs with the pair in dev-token.key
 * (handed to its JVM as DevTokens' system properties). Made per run, like the tests' keys: no key is committed.
 */
public final class Keys {

    private Keys() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.write(dir.resolve("dev-token.key"), List.of(DevTokens.exportKeyPair(), DevTokens.issuer(), DevTokens.keyId()));
        Files.writeString(dir.resolve("dev-token.pem"), DevTokens.publicKeyPem());
    }
}
