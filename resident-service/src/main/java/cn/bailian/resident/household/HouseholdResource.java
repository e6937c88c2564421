package cn.bailian.resident.household;

import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.resident.audit.AuditTrail;
import cn.bailian.resident.compound.Compound;
import cn.bailian.resident.resident.RelationToHead;
import cn.bailian.resident.resident.Resident;
import cn.bailian.resident.resident.ResidentApi.ResidentView;
import cn.bailian.resident.resident.ResidentService;
import cn.bailian.resident.resident.ResidentStatus;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Households", description = "户 / Households")
public class HouseholdResource {

    public static final String REGISTERED = "cn.bailian.resident.household.registered.v1";

    @Schema(name = "CreateHousehold")
    public record CreateHousehold(
            @Schema(example = "9a8b7c6d-1b2c-4d5e-8f90-123456789abc") @NotNull UUID compoundId,
            @Schema(example = "3") @NotBlank @Size(max = 20) String building,
            @Schema(example = "2") @NotBlank @Size(max = 20) String unit,
            @Schema(example = "501") @NotBlank @Size(max = 20) String room) {
    }

    @Schema(name = "Household", description = "With its members; head is the active member whose relationToHead is SELF")
    public record HouseholdView(UUID id, UUID communityId, UUID compoundId,
                                @Schema(example = "3") String building, @Schema(example = "2") String unit,
                                @Schema(example = "501") String room, UUID headId, List<ResidentView> members, long version) {
    }

    public record HouseholdRegistered(UUID householdId, UUID communityId, UUID compoundId) {
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
    @Inject
    ResidentService residents;

    @POST
    @Operation(operationId = "createHousehold", summary = "Register a household at an address / 登记户",
            description = "STAFF of the compound's community or ADMIN. One household per compound, building, unit and room.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HouseholdView.class)))
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "409", description = "HOUSEHOLD_ADDRESS_TAKEN")
    @APIResponse(responseCode = "422", description = "COMPOUND_NOT_FOUND or IDEMPOTENCY_KEY_REUSED")
    public Response create(@Valid @NotNull CreateHousehold request, @HeaderParam(Idempotency.HEADER) String key) {
        caller.requireAuthenticated();
        return idempotency.execute(key, "POST /households", request, () -> {
            Household household = save(request);
            return Response.created(URI.create("/api/v1/households/" + household.id))
                    .entity(new HouseholdView(household.id, household.communityId, household.compoundId, household.building,
                            household.unit, household.room, null, List.of(), household.version))
                    .tag(ETags.of(household.version)).build();
        });
    }

    @Transactional
    Household save(CreateHousehold request) {
        Compound compound = Compound.findById(request.compoundId());
        if (compound == null) {
            throw ProblemException.unprocessable("COMPOUND_NOT_FOUND", request.compoundId());
        }
        caller.requireStaffOf(compound.communityId);
        Household household = new Household();
        household.id = UUID.randomUUID();
        household.communityId = compound.communityId;
        household.compoundId = compound.id;
        household.building = request.building().strip();
        household.unit = request.unit().strip();
        household.room = request.room().strip();
        if (Household.count("compoundId = ?1 and building = ?2 and unit = ?3 and room = ?4",
                household.compoundId, household.building, household.unit, household.room) > 0) {
            throw ProblemException.conflict("HOUSEHOLD_ADDRESS_TAKEN");
        }
        household.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("HOUSEHOLD_ADDRESS_TAKEN");
        }
        audit.record(household.communityId, "HOUSEHOLD", household.id, "REGISTERED", List.of("compoundId", "building", "unit", "room"));
        outbox.publish(REGISTERED, household.id, new HouseholdRegistered(household.id, household.communityId, household.compoundId));
        return household;
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getHousehold", summary = "A household with its members / 查看户及成员",
            description = "STAFF of the community, ADMIN, or a resident of the household. Members' phone and ID numbers are whole "
                    + "for staff and for the caller's own record, masked for the other members.")
    @APIResponse(responseCode = "200", description = "The household",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HouseholdView.class)))
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Neither staff nor a member")
    @APIResponse(responseCode = "404", description = "HOUSEHOLD_NOT_FOUND")
    public Response get(@PathParam("id") UUID id) {
        caller.requireAuthenticated();
        Household household = Household.findById(id);
        if (household == null) {
            throw ProblemException.notFound("HOUSEHOLD_NOT_FOUND", id);
        }
        if (!caller.isStaffOf(household.communityId) && residents.callerHousehold().filter(id::equals).isEmpty()) {
            throw ProblemException.forbidden();
        }
        List<Resident> members = Resident.list("householdId", Sort.by("birthDate").and("id"), id);
        UUID head = members.stream()
                .filter(r -> r.status == ResidentStatus.ACTIVE && r.relationToHead == RelationToHead.SELF)
                .map(r -> r.id).findFirst().orElse(null);
        HouseholdView view = new HouseholdView(household.id, household.communityId, household.compoundId, household.building,
                household.unit, household.room, head, members.stream().map(r -> residents.view(r, residents.seesWhole(r), true)).toList(),
                household.version);
        return Response.ok(view).tag(ETags.of(household.version)).build();
    }
}
