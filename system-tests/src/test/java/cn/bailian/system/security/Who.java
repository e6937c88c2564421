package cn.bailian.system.security;

import cn.bailian.testkit.DevTokens;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** The callers of the authorisation matrix, and the token each one presents for a call. */
public enum Who {
    ANONYMOUS,
    EXPIRED,
    FORGED,
    RESIDENT_OTHER,
    STAFF_OTHER_COMMUNITY,
    SERVICE,
    STAFF,
    ADMIN,
    RESIDENT_SELF;

    private static final PrivateKey OTHER_KEY = otherKey();

    /** Without a valid token: the answer is 401 unless the operation is public. */
    public boolean unauthenticated() {
        return this == ANONYMOUS || this == EXPIRED || this == FORGED;
    }

    /** The token for a call in {@code world} acting on {@code target} (null: send none). */
    public String token(World world, Target target) {
        UUID community = world.communityId();
        return switch (this) {
            case ANONYMOUS -> null;
            case EXPIRED ->
                DevTokens.mint("staff-" + community, Set.of("STAFF"), community, null, Duration.ofMinutes(-10));
            case FORGED ->
                DevTokens.mint("staff-" + community, Set.of("STAFF"), community, null, Duration.ofHours(1), OTHER_KEY);
            case RESIDENT_OTHER -> DevTokens.resident(world.outsider(target.owner()), community);
            case STAFF_OTHER_COMMUNITY -> DevTokens.staff(world.otherCommunityId());
            case SERVICE -> DevTokens.service("district-grid");
            case STAFF -> DevTokens.staff(community);
            case ADMIN -> DevTokens.admin();
            case RESIDENT_SELF -> DevTokens.resident(target.owner(), community);
        };
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
