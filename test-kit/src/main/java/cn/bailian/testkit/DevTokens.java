package cn.bailian.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Tokens for tests, signed with a key pair made when the test JVM first needs one: no signing key is committed,
 * so no token minted here is accepted by anything but a service a test started with {@link #publicKeyPem()} (a
 * {@code @QuarkusTest} gets it from {@link BailianTestResource}). Audience {@code bailian-api}; the issuer is
 * {@link #ISSUER} unless {@link #ISSUER_PROPERTY} names another (the system tests let Keycloak publish
 * this key, so these tokens carry its issuer).
 */
public final class DevTokens {

    public static final String ISSUER = "https://bailian.local/test";
    public static final String AUDIENCE = "bailian-api";
    /** The key pair lives in a system property so every class loader of the test JVM signs with the same one. */
    public static final String KEY_PROPERTY = "testkit.token.key";

    public static final String ISSUER_PROPERTY = "testkit.token.issuer";
    public static final String KID_PROPERTY = "testkit.token.kid";
    /**
     * Set by {@link #main}: the test JVM's setup hooks (system-tests start the whole platform before the first token)
     * must not run in {@code bin/bailian token}, nor in the walkthrough test's stand-in for it, which runs with the
     * system tests' classpath and otherwise started a second platform and hung.
     */
    static final String CLI_PROPERTY = "testkit.token.cli";
    /** Made (or read from {@link #KEY_PROPERTY}) at the first use, so {@link #main} can hand in a stored one first. */
    private static final class Keys {
        static final KeyPair PAIR = testKeys();
    }

    private DevTokens() {}

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

    /** An organisation's account (SERVICE with an {@code organizationId}). */
    public static String organization(UUID organizationId) {
        return sign(
                claims("org-" + organizationId, Set.of("SERVICE"), null, null, Duration.ofHours(1))
                        .claim("organizationId", organizationId.toString()),
                Keys.PAIR.getPrivate());
    }

    public static String mint(String subject, Set<String> roles, UUID communityId, UUID residentId, Duration ttl) {
        return mint(subject, roles, communityId, residentId, ttl, Keys.PAIR.getPrivate());
    }

    /** {@code ttl} may be negative, for an expired token; {@code key} another one, for a forged token. */
    public static String mint(
            String subject, Set<String> roles, UUID communityId, UUID residentId, Duration ttl, PrivateKey key) {
        return sign(claims(subject, roles, communityId, residentId, ttl), key);
    }

    /** The claims a token of ours carries, for tests that change one (audience, issuer) before signing. */
    public static JwtClaimsBuilder claims(
            String subject, Set<String> roles, UUID communityId, UUID residentId, Duration ttl) {
        if (!Boolean.getBoolean(CLI_PROPERTY)) { // the command line mints for a platform that already runs
            java.util.ServiceLoader.load(DevTokenSetup.class, DevTokens.class.getClassLoader())
                    .forEach(DevTokenSetup::beforeMinting);
        }
        long now = System.currentTimeMillis() / 1000;
        JwtClaimsBuilder claims = Jwt.issuer(issuer())
                .audience(AUDIENCE)
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
        return claims;
    }

    public static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId(keyId()).sign(key);
    }

    public static String issuer() {
        return System.getProperty(ISSUER_PROPERTY, ISSUER);
    }

    /** The id under which the verifying side publishes the test key (Keycloak's, in the system tests). */
    public static String keyId() {
        return System.getProperty(KID_PROPERTY, "bailian-test");
    }

    /** The key pair in the form {@link #KEY_PROPERTY} takes, to hand it to another JVM (bin/bailian token). */
    public static String exportKeyPair() {
        keyPair();
        return System.getProperty(KEY_PROPERTY);
    }

    public static KeyPair keyPair() {
        return Keys.PAIR;
    }

    /** The public half, PEM, as {@code mp.jwt.verify.publickey} takes it. */
    public static String publicKeyPem() {
        return pem("PUBLIC KEY", Keys.PAIR.getPublic().getEncoded());
    }

    public static String privateKeyPem() {
        return pem("PRIVATE KEY", Keys.PAIR.getPrivate().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static synchronized KeyPair testKeys() {
        synchronized (System.getProperties()) {
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                String stored = System.getProperty(KEY_PROPERTY);
                if (stored == null) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    KeyPair pair = generator.generateKeyPair();
                    stored =
                            Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + ","
                                    + Base64.getEncoder()
                                            .encodeToString(pair.getPublic().getEncoded());
                    System.setProperty(KEY_PROPERTY, stored);
                }
                String[] halves = stored.split(",");
                return new KeyPair(
                        rsa.generatePublic(
                                new X509EncodedKeySpec(Base64.getDecoder().decode(halves[1]))),
                        rsa.generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(halves[0]))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not make the test signing key", e);
            }
        }
    }

    /**
     * {@code bin/bailian token --role ROLE [--community ID] [--resident ID] [--organization ID] [--subject S] [--ttl SECONDS]}:
     * a token for any role and scope, signed with the local stack's dev key ({@code .bailian/dev-token.key}, which
     * {@code bin/bailian up} made and published in the local Keycloak's JWKS; see {@link Keycloak#trustDevTokens()}).
     * For a real account's token: {@code bin/bailian token --user NAME}.
     */
    public static void main(String[] args) throws java.io.IOException {
        String role = "RESIDENT";
        UUID community = null;
        UUID resident = null;
        UUID organization = null;
        String subject = null;
        long ttl = 3600;
        java.nio.file.Path keyFile = java.nio.file.Path.of(".bailian/dev-token.key");
        boolean understood = args.length % 2 == 0;
        for (int i = 0; understood && i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--role" -> role = value;
                case "--community" -> community = UUID.fromString(value);
                case "--resident" -> resident = UUID.fromString(value);
                case "--organization" -> organization = UUID.fromString(value);
                case "--subject" -> subject = value;
                case "--ttl" -> ttl = Long.parseLong(value);
                case "--key-file" -> keyFile = java.nio.file.Path.of(value);
                default -> understood = false;
            }
        }
        if (!understood) {
            System.err.println(
                    "usage: bin/bailian token --role RESIDENT|STAFF|ADMIN|SERVICE [--community ID] [--resident ID] [--organization ID] [--subject S] [--ttl SECONDS]");
            System.exit(2);
        }
        if (!java.nio.file.Files.isRegularFile(keyFile)) {
            System.err.println(
                    "bailian token: no " + keyFile
                            + ": start the platform with bin/bailian up first (it makes the dev key and publishes it in the local Keycloak)");
            System.exit(1);
        }
        System.setProperty(CLI_PROPERTY, "true");
        java.util.List<String> stored = java.nio.file.Files.readAllLines(keyFile);
        System.setProperty(KEY_PROPERTY, stored.get(0));
        System.setProperty(ISSUER_PROPERTY, stored.get(1));
        System.setProperty(KID_PROPERTY, stored.get(2));
        if (subject == null) {
            subject = role.toLowerCase()
                    + (resident != null
                            ? "-" + resident
                            : community != null ? "-" + community : organization != null ? "-" + organization : "");
        }
        JwtClaimsBuilder claims = claims(subject, Set.of(role), community, resident, Duration.ofSeconds(ttl));
        if (organization != null) {
            claims.claim("organizationId", organization.toString());
        }
        System.out.println(sign(claims, keyPair().getPrivate()));
    }
}
