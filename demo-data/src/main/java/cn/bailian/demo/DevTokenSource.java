package cn.bailian.demo;

import cn.bailian.testkit.DevTokens;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** Dev tokens signed with the dev key, which only services running the dev or test profile accept. */
public final class DevTokenSource implements TokenSource {

    /** Long enough for a slow first load, with the notice period it may wait for. */
    private static final Duration TTL = Duration.ofHours(4);

    @Override
    public String admin() {
        return DevTokens.mint("admin", Set.of("ADMIN"), null, null, TTL);
    }

    @Override
    public String staff(UUID communityId) {
        return DevTokens.mint("staff-" + communityId, Set.of("STAFF"), communityId, null, TTL);
    }

    @Override
    public String resident(UUID communityId, UUID residentId) {
        return DevTokens.mint("resident-" + residentId, Set.of("RESIDENT"), communityId, residentId, TTL);
    }
}
