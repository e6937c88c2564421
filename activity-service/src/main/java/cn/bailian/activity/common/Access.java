package cn.bailian.activity.common;

import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/**
 * The access rules of this service on top of the kit's {@link Caller}: a provider organisation's people act
 * for it with a token that carries an {@code organizationId} claim, which the kit's Caller does not read.
 */
@RequestScoped
public class Access {

    @Inject
    Caller caller;
    @Inject
    JsonWebToken jwt;

    public Caller caller() {
        return caller;
    }

    /** The organisation the token speaks for, if any. */
    public Optional<UUID> organizationId() {
        if (!caller.authenticated() || jwt == null || jwt.getClaim("organizationId") == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(jwt.getClaim("organizationId").toString().replace("\"", "")));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    public boolean isOrganization(UUID organizationId) {
        return organizationId != null && organizationId.equals(organizationId().orElse(null));
    }

    /** Staff of the community (or ADMIN), or the organisation that provides the activity. */
    public void requireStaffOrProvider(UUID communityId, UUID providerOrganizationId) {
        caller.requireAuthenticated();
        if (!caller.isStaffOf(communityId) && !isOrganization(providerOrganizationId)) {
            throw ProblemException.forbidden();
        }
    }
}
