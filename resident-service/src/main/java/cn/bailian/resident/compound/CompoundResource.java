package cn.bailian.resident.compound;

import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.resident.audit.AuditTrail;
import cn.bailian.resident.community.CommunityResource;
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

@Path("/api/v1/compounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Compounds", description = "院落/小区 / Compounds")
public class CompoundResource {

    @Schema(name = "CreateCompound")
    public record CreateCompound(
            @Schema(example = "3f1e6c7a-1b2c-4d5e-8f90-123456789abc") @NotNull UUID communityId,
            @Schema(example = "白莲小区") @NotBlank @Size(max = 100) String name,
            @Schema(example = "RESETTLEMENT") @NotNull CompoundType type) {
    }

    @Schema(name = "Compound")
    public record CompoundView(UUID id, UUID communityId, @Schema(example = "白莲小区") String name, CompoundType type, long version) {
    }

    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;

    @POST
    @Operation(operationId = "createCompound", summary = "Create a compound / 新增院落或小区", description = "STAFF of the community or ADMIN.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompoundView.class)))
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "409", description = "COMPOUND_NAME_TAKEN")
    @APIResponse(responseCode = "422", description = "COMMUNITY_NOT_FOUND or IDEMPOTENCY_KEY_REUSED")
    public Response create(@Valid @NotNull CreateCompound request, @HeaderParam(Idempotency.HEADER) String key) {
        caller.requireStaffOf(request.communityId());
        return idempotency.execute(key, "POST /compounds", request, () -> {
            Compound compound = save(request);
            return Response.created(URI.create("/api/v1/compounds/" + compound.id)).entity(view(compound)).build();
        });
    }

    @Transactional
    Compound save(CreateCompound request) {
        if (cn.bailian.resident.community.Community.findById(request.communityId()) == null) {
            throw ProblemException.unprocessable("COMMUNITY_NOT_FOUND", request.communityId());
        }
        String name = request.name().strip();
        if (Compound.count("communityId = ?1 and name = ?2", request.communityId(), name) > 0) {
            throw ProblemException.conflict("COMPOUND_NAME_TAKEN", name);
        }
        Compound compound = new Compound();
        compound.id = UUID.randomUUID();
        compound.communityId = request.communityId();
        compound.name = name;
        compound.type = request.type();
        compound.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("COMPOUND_NAME_TAKEN", name);
        }
        audit.record(compound.communityId, "COMPOUND", compound.id, "CREATED", List.of("name", "type"));
        return compound;
    }

    @GET
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "listCompounds", summary = "A community's compounds / 院落列表", description = "Public.")
    @APIResponse(responseCode = "200", description = "A page of compounds")
    @APIResponse(responseCode = "404", description = "COMMUNITY_NOT_FOUND")
    public Page<CompoundView> list(@Parameter(required = true, example = "3f1e6c7a-1b2c-4d5e-8f90-123456789abc", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uuid")) @QueryParam("communityId") String communityParam, @BeanParam PageRequest page) {
        UUID communityId = cn.bailian.kit.http.QueryParams.requiredUuid("communityId", communityParam);
        CommunityResource.find(communityId);
        var query = Compound.<Compound>find("communityId", Sort.by("name").and("id"), communityId);
        return page.page(query.page(page.page(), page.size()).list().stream().map(CompoundResource::view).toList(), query.count());
    }

    static CompoundView view(Compound compound) {
        return new CompoundView(compound.id, compound.communityId, compound.name, compound.type, compound.version);
    }
}
