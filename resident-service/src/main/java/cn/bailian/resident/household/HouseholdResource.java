package cn.bailian.resident.household;

import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.http.QueryParams;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.resident.household.HouseholdApi.CreateHousehold;
import cn.bailian.resident.household.HouseholdApi.HouseholdSummary;
import cn.bailian.resident.household.HouseholdApi.HouseholdView;
import cn.bailian.resident.household.HouseholdApi.UpdateHousehold;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Households", description = "户 / Households")
public class HouseholdResource {
    @Inject
    HouseholdService households;

    @POST
    @Operation(
            operationId = "createHousehold",
            summary = "Register a household at an address / 登记户",
            description =
                    "STAFF of the compound's community or ADMIN. One household per compound, building, unit and room.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "409", description = "HOUSEHOLD_ADDRESS_TAKEN")
    @APIResponse(responseCode = "422", description = "COMPOUND_NOT_FOUND or IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response create(@Valid @NotNull CreateHousehold request) {
        HouseholdView household = households.register(request);
        return Response.created(URI.create("/api/v1/households/" + household.id()))
                .entity(household)
                .tag(ETags.of(household.version()))
                .build();
    }

    @GET
    @Operation(
            operationId = "listHouseholds",
            summary = "A compound's households / 户列表",
            description =
                    "STAFF of the compound's community or ADMIN. Households in address order (building, unit, room), "
                            + "without their members; read one with getHousehold for its members.")
    @APIResponse(responseCode = "200", description = "A page of households")
    @APIResponse(responseCode = "403", description = "Not staff of the compound's community")
    @APIResponse(responseCode = "404", description = "COMPOUND_NOT_FOUND")
    public Page<HouseholdSummary> list(
            @Parameter(
                            required = true,
                            example = "9a8b7c6d-1b2c-4d5e-8f90-123456789abc",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("compoundId")
                    String compoundParam,
            @BeanParam PageRequest page) {
        UUID compoundId = QueryParams.requiredUuid("compoundId", compoundParam);
        return households.list(compoundId, page);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getHousehold",
            summary = "A household with its members / 查看户及成员",
            description =
                    "STAFF of the community, ADMIN, or a resident of the household. Members' phone and ID numbers are whole "
                            + "for staff and for the caller's own record, masked for the other members.")
    @APIResponse(
            responseCode = "200",
            description = "The household",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdView.class)))
    @APIResponse(responseCode = "403", description = "Neither staff nor a member")
    @APIResponse(responseCode = "404", description = "HOUSEHOLD_NOT_FOUND")
    public Response get(@PathParam("id") UUID id) {
        HouseholdView household = households.get(id);
        return Response.ok(household).tag(ETags.of(household.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateHousehold",
            summary = "Change a household's address / 修改户的门牌",
            description =
                    "STAFF of the community or ADMIN. Replaces building, unit and room within the household's compound; "
                            + "needs If-Match with the ETag of getHousehold. The members stay; the change is audited.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "HOUSEHOLD_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "HOUSEHOLD_ADDRESS_TAKEN")
    @APIResponse(responseCode = "412", description = "VERSION_MISMATCH: the ETag is stale")
    @APIResponse(responseCode = "428", description = "IF_MATCH_REQUIRED")
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the household as last read", example = "\"0\"")
                    @HeaderParam("If-Match")
                    String ifMatch,
            @Valid @NotNull UpdateHousehold request) {
        HouseholdView household = households.update(id, ifMatch, request);
        return Response.ok(household).tag(ETags.of(household.version())).build();
    }
}
