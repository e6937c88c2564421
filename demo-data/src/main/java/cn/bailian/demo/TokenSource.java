package cn.bailian.demo;

import java.util.UUID;

/**
 * Where the loader's bearer tokens come from: the only thing it knows about authentication. Today the dev
 * tokens of the dev profile ({@link DevTokenSource}); an identity provider's tokens slot in here.
 */
public interface TokenSource {

    /** A platform administrator (opens the community). */
    String admin();

    /** The community's staff (registers everything else). */
    String staff(UUID communityId);

    /** A resident acting for themselves (the planting journal is the claimant's own). */
    String resident(UUID communityId, UUID residentId);
}
