package cn.bailian.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Tokens signed with the dev key, which only the dev and test profiles accept. Used by tests and by
 * {@code bin/bailian token --role STAFF --community ID [--resident ID] [--ttl 3600] [--key FILE]}.
 */
public final class DevTokens {

    public static final String ISSUER = "https://bailian.local/dev";
    private static final PrivateKey DEV_KEY = loadDevKey();

    private DevTokens() {
    }

    public static String staff(UUID communityId) {
        return mint("staff-" + communityId, Set.of("STAFF"), communityId, null, Duration.ofHours(1));
    }

    public static String admin() {
        return mint("admin", Set.of("ADMIN"), null, null, Duration.ofHours(1));
    }

    public static String service(String name) {
        return mint(name, Set.of("SERVICE"), null, null, Duration.ofHours(1));
    }

    public static String resident(UUID residentId, UUID communityId) {
        return mint("resident-" + residentId, Set.of("RESIDENT"), communityId, residentId, Duration.ofHours(1));
    }

    public static String mint(String subject, Set<String> roles, UUID communityId, UUID residentId, Duration ttl) {
        return mint(subject, roles, communityId, residentId, ttl, DEV_KEY);
    }

    /** {@code ttl} may be negative, for an expired token; {@code key} another one, for a forged token. */
    public static String mint(String subject, Set<String> roles, UUID communityId, UUID residentId, Duration ttl, PrivateKey key) {
        long now = System.currentTimeMillis() / 1000;
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .issuedAt(now - (ttl.isNegative() ? 2 * -ttl.toSeconds() : 0))
                .expiresAt(now + ttl.toSeconds());
        if (communityId != null) {
            claims.claim("communityId", communityId.toString());
        }
        if (residentId != null) {
            claims.claim("residentId", residentId.toString());
        }
        return claims.jws().keyId("bailian-dev").sign(key);
    }

    private static PrivateKey loadDevKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-keys/jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("dev signing key missing", e);
        }
    }

    /** {@code bin/bailian token}: prints one token. */
    public static void main(String[] args) {
        String role = "RESIDENT";
        UUID community = null;
        UUID resident = null;
        String subject = null;
        long ttl = 3600;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--role" -> { role = value; i++; }
                case "--community" -> { community = UUID.fromString(value); i++; }
                case "--resident" -> { resident = UUID.fromString(value); i++; }
                case "--subject" -> { subject = value; i++; }
                case "--ttl" -> { ttl = Long.parseLong(value); i++; }
                default -> {
                    System.err.println("usage: bin/bailian token --role RESIDENT|STAFF|ADMIN|SERVICE [--community ID] [--resident ID] [--subject S] [--ttl SECONDS]");
                    System.exit(2);
                }
            }
        }
        if (subject == null) {
            subject = role.toLowerCase() + (resident != null ? "-" + resident : community != null ? "-" + community : "");
        }
        System.out.println(mint(subject, Set.of(role), community, resident, Duration.ofSeconds(ttl)));
    }
}
