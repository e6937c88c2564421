package cn.bailian.kit.security;

import cn.bailian.kit.problem.ProblemCodes;
import cn.bailian.kit.problem.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, from the bearer token: roles, {@code sub}, {@code residentId}, {@code communityId},
 * {@code organizationId}.
 * The access rules every service repeats live here once: ADMIN may do anything, STAFF act inside their own
 * community, a RESIDENT acts for themselves.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /**
     * Whether a valid token came with the request. A bad one (expired, forged) counts as none, so a public read
     * that only looks at who is asking (staff see more) answers as to anyone; requireAuthenticated still says 401.
     */
    public boolean authenticated() {
        try {
            return !identity.isAnonymous();
        } catch (AuthenticationFailedException badToken) {
            return false;
        }
    }

    public boolean is(String role) {
        return authenticated() && identity.hasRole(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    public String subject() {
        return authenticated() ? identity.getPrincipal().getName() : "anonymous";
    }

    public Optional<UUID> residentId() {
        return uuidClaim("residentId");
    }

    public Optional<UUID> communityId() {
        return uuidClaim("communityId");
    }

    /** ADMIN, or STAFF whose token names this community. */
    public boolean isStaffOf(UUID communityId) {
        return isAdmin() || (is(Roles.STAFF) && communityId != null && communityId.equals(communityId().orElse(null)));
    }

    /** The resident themselves (a RESIDENT token naming them). */
    public boolean isResident(UUID residentId) {
        return is(Roles.RESIDENT) && residentId != null && residentId.equals(residentId().orElse(null));
    }

    public void requireAuthenticated() {
        if (!authenticated()) {
            throw new ProblemException(401, ProblemCodes.UNAUTHENTICATED);
        }
    }

    public void requireStaffOf(UUID communityId) {
        requireAuthenticated();
        if (!isStaffOf(communityId)) {
            throw ProblemException.forbidden();
        }
    }

    public void requireAdmin() {
        requireAuthenticated();
        if (!isAdmin()) {
            throw ProblemException.forbidden();
        }
    }

    /** The resident themselves, or staff of the resident's community. */
    public void requireSelfOrStaff(UUID residentId, UUID communityId) {
        requireAuthenticated();
        if (!isResident(residentId) && !isStaffOf(communityId)) {
            throw ProblemException.forbidden();
        }
    }

    /** The organisation the token speaks for (a provider's account carries an {@code organizationId} claim). */
    public Optional<UUID> organizationId() {
        return uuidClaim("organizationId");
    }

    /** The organisation itself (a token whose {@code organizationId} names it). */
    public boolean isOrganization(UUID organizationId) {
        return organizationId != null && organizationId.equals(organizationId().orElse(null));
    }

    /** Staff of the community (or ADMIN), or the organisation acting for itself. */
    public void requireStaffOrOrganization(UUID communityId, UUID organizationId) {
        requireAuthenticated();
        if (!isStaffOf(communityId) && !isOrganization(organizationId)) {
            throw ProblemException.forbidden();
        }
    }

    private Optional<UUID> uuidClaim(String name) {
        if (!authenticated() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().replace("\"", "");
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
