package cn.bailian.farm.farm;

import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Farms", description = "屋顶农场 / Rooftop farms")
public class FarmResource {

    public record CreateFarm(
            @NotNull @Schema(example = "6f1c2a9e-4b7d-4c1e-9a53-0d2b7f4c8e11") UUID communityId,
            @NotBlank @Size(max = 100) @Schema(example = "白莲屋顶生态农场") String name,
            @Size(max = 200) @Schema(example = "党群服务中心楼顶") String location) {
    }

    public record FarmView(UUID id, UUID communityId, @Schema(example = "白莲屋顶生态农场") String name,
                           @Schema(example = "党群服务中心楼顶") String location, OffsetDateTime createdAt, long version) {
        static FarmView of(Farm farm) {
            return new FarmView(farm.id, farm.communityId, farm.name, farm.location, farm.createdAt, farm.version);
        }
    }

    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;

    @POST
    @Path("/farms")
    @Operation(operationId = "createFarm", summary = "Create a farm (STAFF of its community) / 新建农场",
            description = "本社区工作人员创建农场（如党群服务中心屋顶生态农场）。/ Staff of its community create a farm (such as the rooftop eco-farm of the service centre).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = FarmView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "FARM_NAME_TAKEN", content = @Content(mediaType = "application/problem+json"))
    public Response create(@Valid @NotNull CreateFarm request, @HeaderParam(Idempotency.HEADER) String key) {
        caller.requireStaffOf(request.communityId());
        return idempotency.execute(key, "POST /farms", request, () -> {
            FarmView farm = save(request);
            return Response.created(URI.create("/api/v1/farms/" + farm.id())).entity(farm).build();
        });
    }

    @Transactional
    FarmView save(CreateFarm request) {
        if (Farm.count("communityId = ?1 and name = ?2", request.communityId(), request.name().strip()) > 0) {
            throw ProblemException.conflict("FARM_NAME_TAKEN", request.name());
        }
        Farm farm = new Farm();
        farm.id = UUID.randomUUID();
        farm.communityId = request.communityId();
        farm.name = request.name().strip();
        farm.location = request.location();
        farm.createdAt = OffsetDateTime.now();
        try {
            farm.persistAndFlush();
        } catch (PersistenceException race) {
            throw ProblemException.conflict("FARM_NAME_TAKEN", request.name());
        }
        return FarmView.of(farm);
    }

    @GET
    @Path("/farms")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "listFarms", summary = "List farms, optionally of one community (public) / 农场列表",
            description = "农场列表，可按社区筛选；公开可查。/ Farms, optionally of one community; public.")
    @APIResponse(responseCode = "200", description = "A page of farms")
    public Page<FarmView> list(@QueryParam("communityId") UUID communityId, @BeanParam PageRequest page) {
        var query = communityId == null ? Farm.<Farm>findAll(Sort.by("name").and("id"))
                : Farm.<Farm>find("communityId", Sort.by("name").and("id"), communityId);
        return page.page(query.page(page.page(), page.size()).list().stream().map(FarmView::of).toList(), query.count());
    }

    @GET
    @Path("/farms/{id}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "getFarm", summary = "One farm (public) / 农场详情",
            description = "单个农场；公开可查。/ One farm; public.")
    @APIResponse(responseCode = "200", description = "The farm", content = @Content(schema = @Schema(implementation = FarmView.class)))
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND", content = @Content(mediaType = "application/problem+json"))
    public FarmView get(@PathParam("id") UUID id) {
        return FarmView.of(Farm.require(id));
    }
}
