package cn.bailian.kit.security;

import cn.bailian.kit.problem.ProblemCodes;
import cn.bailian.kit.problem.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The token's {@code sub}: Keycloak's stable account id. Not the principal's name, which smallrye-jwt takes
     * from {@code preferred_username} — for a resident their mobile number, which must not reach audits.
     */
    public String subject() {
        if (!authenticated()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public Optional<UUID> residentId() {
        return uuidClaim("residentId");
    }

    /** The one community the token names (a resident's); empty when it names none or several. */
    public Optional<UUID> communityId() {
        Set<UUID> communities = communityIds();
        return communities.size() == 1 ? communities.stream().findFirst() : Optional.empty();
    }

    /**
     * Every community the token names: Keycloak sends {@code communityId} as a list (a street-office account's
     * staff serve several communities), test tokens as one string.
     */
    public Set<UUID> communityIds() {
        if (!authenticated() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Set.of();
        }
        Object value = jwt.getClaim("communityId");
        Set<UUID> communities = new LinkedHashSet<>();
        if (value instanceof JsonArray list) {
            for (JsonValue item : list) {
                uuid(item).ifPresent(communities::add);
            }
        } else if (value instanceof Collection<?> list) {
            for (Object item : list) {
                uuid(item).ifPresent(communities::add);
            }
        } else if (value != null) {
            uuid(value).ifPresent(communities::add);
        }
        return communities;
    }

    /** ADMIN, or STAFF whose token names this community. */
    public boolean isStaffOf(UUID communityId) {
        return isAdmin()
                || (is(Roles.STAFF) && communityId != null && communityIds().contains(communityId));
    }

    /** The resident themselves (a RESIDENT token naming them). */
    public boolean isResident(UUID residentId) {
        return is(Roles.RESIDENT)
                && residentId != null
                && residentId.equals(residentId().orElse(null));
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
        return uuid(jwt.getClaim(name));
    }

    private static Optional<UUID> uuid(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof JsonString string
                ? string.getString()
                : value.toString().replace("\"", "");
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
