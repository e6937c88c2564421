package cn.bailian.kit.security;

/** The roles a token may carry in its {@code groups} claim. */
public final class Roles {
    public static final String RESIDENT = "RESIDENT";
    public static final String STAFF = "STAFF";
    public static final String ADMIN = "ADMIN";
    /** Another Bailian service or a district system acting on its own behalf. */
    public static final String SERVICE = "SERVICE";

    private Roles() {}
}
