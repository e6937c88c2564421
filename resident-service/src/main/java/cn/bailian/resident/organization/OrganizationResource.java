package cn.bailian.resident.organization;

import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.resident.audit.AuditTrail;
import cn.bailian.resident.community.Community;
import cn.bailian.resident.community.CommunityResource;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "四社联动：社会组织、社会企业、社工机构、居民自组织、驻区单位 / Organisations")
public class OrganizationResource {

    public static final String REGISTERED = "cn.bailian.resident.organization.registered.v1";

    @Schema(name = "CreateOrganization")
    public record CreateOrganization(
            @Schema(example = "3f1e6c7a-1b2c-4d5e-8f90-123456789abc") @NotNull UUID communityId,
            @Schema(example = "白莲社区营造社") @NotBlank @Size(max = 100) String name,
            @Schema(example = "SOCIAL_ENTERPRISE") @NotNull OrganizationKind kind,
            @Schema(example = "运营屋顶农场与儿童之家") @Size(max = 1000) String description) {
    }

    @Schema(name = "Organization")
    public record OrganizationView(UUID id, UUID communityId, @Schema(example = "白莲社区营造社") String name, OrganizationKind kind,
                                   @Schema(example = "运营屋顶农场与儿童之家") String description, long version) {
    }

    public record OrganizationRegistered(UUID organizationId, UUID communityId, String name, OrganizationKind kind) {
    }

    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;
    @Inject
    Outbox outbox;

    @POST
    @Operation(operationId = "createOrganization", summary = "Register an organisation / 登记组织", description = "STAFF of the community or ADMIN.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "409", description = "ORGANIZATION_NAME_TAKEN")
    @APIResponse(responseCode = "422", description = "COMMUNITY_NOT_FOUND or IDEMPOTENCY_KEY_REUSED")
    public Response create(@Valid @NotNull CreateOrganization request, @HeaderParam(Idempotency.HEADER) String key) {
        caller.requireStaffOf(request.communityId());
        return idempotency.execute(key, "POST /organizations", request, () -> {
            Organization organization = save(request);
            return Response.created(URI.create("/api/v1/organizations/" + organization.id)).entity(view(organization)).build();
        });
    }

    @Transactional
    Organization save(CreateOrganization request) {
        if (Community.findById(request.communityId()) == null) {
            throw ProblemException.unprocessable("COMMUNITY_NOT_FOUND", request.communityId());
        }
        String name = request.name().strip();
        if (Organization.count("communityId = ?1 and name = ?2", request.communityId(), name) > 0) {
            throw ProblemException.conflict("ORGANIZATION_NAME_TAKEN", name);
        }
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.communityId = request.communityId();
        organization.name = name;
        organization.kind = request.kind();
        organization.description = request.description();
        organization.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("ORGANIZATION_NAME_TAKEN", name);
        }
        audit.record(organization.communityId, "ORGANIZATION", organization.id, "REGISTERED", List.of("name", "kind", "description"));
        outbox.publish(REGISTERED, organization.id,
                new OrganizationRegistered(organization.id, organization.communityId, organization.name, organization.kind));
        return organization;
    }

    @GET
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "listOrganizations", summary = "A community's organisations / 组织列表", description = "Public.")
    @APIResponse(responseCode = "200", description = "A page of organisations")
    @APIResponse(responseCode = "404", description = "COMMUNITY_NOT_FOUND")
    public Page<OrganizationView> list(@Parameter(required = true, example = "3f1e6c7a-1b2c-4d5e-8f90-123456789abc", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uuid")) @QueryParam("communityId") String communityParam,
                                       @Parameter(schema = @Schema(implementation = OrganizationKind.class)) @QueryParam("kind") String kindParam, @BeanParam PageRequest page) {
        UUID communityId = cn.bailian.kit.http.QueryParams.requiredUuid("communityId", communityParam);
        OrganizationKind kind = cn.bailian.kit.http.QueryParams.enumOf(OrganizationKind.class, "kind", kindParam);
        CommunityResource.find(communityId);
        String where = kind == null ? "communityId = :community" : "communityId = :community and kind = :kind";
        Parameters params = Parameters.with("community", communityId);
        if (kind != null) {
            params.and("kind", kind);
        }
        var query = Organization.<Organization>find(where, Sort.by("name").and("id"), params);
        return page.page(query.page(page.page(), page.size()).list().stream().map(OrganizationResource::view).toList(), query.count());
    }

    static OrganizationView view(Organization organization) {
        return new OrganizationView(organization.id, organization.communityId, organization.name, organization.kind,
                organization.description, organization.version);
    }
}
