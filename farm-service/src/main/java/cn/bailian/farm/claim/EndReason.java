package cn.bailian.farm.claim;

/** Why a claim ended; published as plot.released.v1's reason. */
public enum EndReason {
    RELEASED,
    EXPIRED,
    REVOKED,
    MOVED_OUT
}
