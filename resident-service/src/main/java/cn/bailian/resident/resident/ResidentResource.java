package cn.bailian.resident.resident;

import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.http.QueryParams;
import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.security.Caller;
import cn.bailian.resident.resident.ResidentApi.AuditView;
import cn.bailian.resident.resident.ResidentApi.CreateResident;
import cn.bailian.resident.resident.ResidentApi.GuardianView;
import cn.bailian.resident.resident.ResidentApi.LinkGuardian;
import cn.bailian.resident.resident.ResidentApi.MoveOut;
import cn.bailian.resident.resident.ResidentApi.ResidentView;
import cn.bailian.resident.resident.ResidentApi.UpdateResident;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/residents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Residents", description = "居民登记 / The resident register")
public class ResidentResource {

    @Inject
    ResidentService residents;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @POST
    @Operation(
            operationId = "registerResident",
            summary = "Register a resident in a household / 登记居民",
            description =
                    "STAFF of the household's community. The same ID-card number cannot be registered twice among a "
                            + "community's residents. The answer carries phone and idNumber masked (read them whole with GET); "
                            + "Idempotency-Key is honoured.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResidentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (phone, ID-card check digit, …)")
    @APIResponse(responseCode = "403", description = "Not staff of the household's community")
    @APIResponse(responseCode = "409", description = "DUPLICATE_ID_NUMBER or HOUSEHOLD_HEAD_EXISTS")
    @APIResponse(responseCode = "422", description = "HOUSEHOLD_NOT_FOUND or IDEMPOTENCY_KEY_REUSED")
    public Response register(
            @Valid @NotNull CreateResident request,
            @Parameter(description = "Makes a retried POST safe") @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(key, "POST /residents", residents.fingerprint(request), () -> {
            Resident resident = residents.register(request);
            // masked, so the stored idempotent answer keeps no phone or ID number in clear
            ResidentView view = residents.view(resident, false, true);
            return Response.created(URI.create("/api/v1/residents/" + resident.id))
                    .entity(view)
                    .tag(ETags.of(resident.version))
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getResident",
            summary = "Read a resident / 查看居民",
            description =
                    "The resident, members of their household, their guardians, STAFF of their community, ADMIN and services. "
                            + "phone and idNumber are whole only for the resident themselves and STAFF/ADMIN; the ETag is the version for If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The resident",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResidentView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed to see this resident")
    @APIResponse(responseCode = "404", description = "RESIDENT_NOT_FOUND")
    public Response get(@PathParam("id") UUID id) {
        ResidentView resident = residents.get(id);
        return Response.ok(resident).tag(ETags.of(resident.version())).build();
    }

    @GET
    @Operation(
            operationId = "listResidents",
            summary = "Search a community's residents / 查询居民",
            description =
                    "STAFF of the community or ADMIN. q is a name prefix, or 1 to 4 digits matched against the end of the phone number.")
    @APIResponse(responseCode = "200", description = "A page of residents")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    public Page<ResidentView> list(
            @Parameter(
                            required = true,
                            example = "3f1e6c7a-1b2c-4d5e-8f90-123456789abc",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            format = "uuid"))
                    @QueryParam("communityId")
                    String communityParam,
            @Parameter(description = "Name prefix or phone suffix", example = "胡") @QueryParam("q") @Size(max = 50)
                    String q,
            @Parameter(schema = @Schema(implementation = ResidencyType.class)) @QueryParam("residencyType")
                    String residencyParam,
            @Parameter(schema = @Schema(implementation = ResidentStatus.class)) @QueryParam("status")
                    String statusParam,
            @BeanParam PageRequest page) {
        caller.requireAuthenticated(); // an anonymous caller learns 401 before anything about their parameters
        UUID communityId = QueryParams.requiredUuid("communityId", communityParam);
        ResidencyType residencyType = QueryParams.enumOf(ResidencyType.class, "residencyType", residencyParam);
        ResidentStatus status = QueryParams.enumOf(ResidentStatus.class, "status", statusParam);
        return residents.list(communityId, q, residencyType, status, page);
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            operationId = "updateResident",
            summary = "Change a resident / 修改居民信息",
            description =
                    "STAFF of the community change any field; a resident may change only their own phone. Needs If-Match with the ETag.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResidentView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "404", description = "RESIDENT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "RESIDENT_MOVED_OUT, DUPLICATE_ID_NUMBER or HOUSEHOLD_HEAD_EXISTS")
    @APIResponse(responseCode = "412", description = "VERSION_MISMATCH: the ETag is stale")
    @APIResponse(responseCode = "422", description = "HOUSEHOLD_NOT_FOUND or HOUSEHOLD_OTHER_COMMUNITY")
    @APIResponse(responseCode = "428", description = "IF_MATCH_REQUIRED")
    public Response update(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull UpdateResident request) {
        ResidentView resident = residents.update(id, ifMatch, request);
        return Response.ok(resident).tag(ETags.of(resident.version())).build();
    }

    @POST
    @Path("/{id}/move-out")
    @Operation(
            operationId = "moveOutResident",
            summary = "Record that a resident moved out / 迁出",
            description =
                    "STAFF of the community. The record stays with status MOVED_OUT and the date; publishes moved-out.v1 and updated.v1.")
    @APIResponse(
            responseCode = "200",
            description = "Moved out",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResidentView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "RESIDENT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "RESIDENT_MOVED_OUT: already moved out")
    public Response moveOut(@PathParam("id") UUID id, @Valid @NotNull MoveOut request) {
        ResidentView resident = residents.moveOut(id, request);
        return Response.ok(resident).tag(ETags.of(resident.version())).build();
    }

    @POST
    @Path("/{id}/guardians")
    @Operation(
            operationId = "linkGuardian",
            summary = "Name an adult guardian of a child / 登记监护人",
            description =
                    "The child is under 18, the guardian 18 or older, both active in the same community. STAFF of the community, "
                            + "or the guardian themselves for a child of their own household.")
    @APIResponse(
            responseCode = "201",
            description = "Linked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GuardianView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "404", description = "RESIDENT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "GUARDIAN_ALREADY_LINKED or RESIDENT_MOVED_OUT")
    @APIResponse(
            responseCode = "422",
            description =
                    "GUARDIAN_NOT_FOUND, GUARDIAN_NOT_ADULT, GUARDIAN_CHILD_NOT_MINOR or GUARDIAN_OTHER_COMMUNITY")
    @Idempotent
    public Response linkGuardian(@PathParam("id") UUID id, @Valid @NotNull LinkGuardian request) {
        GuardianLink link = residents.linkGuardian(id, request);
        return Response.created(URI.create("/api/v1/residents/" + id))
                .entity(ResidentService.guardianView(link))
                .build();
    }

    @GET
    @Path("/{id}/audit")
    @Operation(
            operationId = "getResidentAudit",
            summary = "The audit trail of a resident / 变更记录",
            description =
                    "STAFF of the community or ADMIN: who changed which fields when (never the values of phone or ID-card number).")
    @APIResponse(responseCode = "200", description = "The trail, oldest first")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "RESIDENT_NOT_FOUND")
    public List<AuditView> audit(@PathParam("id") UUID id) {
        return residents.auditOf(id);
    }
}
