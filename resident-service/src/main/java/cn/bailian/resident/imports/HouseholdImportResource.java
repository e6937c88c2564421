package cn.bailian.resident.imports;

import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.resident.imports.ImportApi.HouseholdImportResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households/import")
@Tag(name = "Households")
public class HouseholdImportResource {

    private static final String EXAMPLE = """
            compoundId,building,unit,room
            9a8b7c6d-1b2c-4d5e-8f90-123456789abc,3,2,501
            9a8b7c6d-1b2c-4d5e-8f90-123456789abc,3,2,502
            """;

    @Inject
    HouseholdImportService imports;

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importHouseholds",
            summary = "Register many households from CSV, all or nothing / 批量导入户",
            description =
                    "UTF-8 CSV (RFC 4180, optional BOM), at most 4000 rows and 256 KiB. The header row is exactly: "
                            + "compoundId,building,unit,room. compoundId a compound of the caller's community; building, unit and room "
                            + "1 to 20 characters; one household per compound, building, unit and room, in the file and in the register. "
                            + "Every row is checked before anything is stored; any error rejects the whole file with 422 "
                            + "HOUSEHOLD_IMPORT_REJECTED and errors[] naming each row (the header is row 1) and column, e.g. \"row 3: room\". "
                            + "Each household is registered as by createHousehold (audited, household.registered.v1). STAFF of the "
                            + "community or ADMIN; Idempotency-Key is honoured.")
    @RequestBody(
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, example = EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "All rows registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HouseholdImportResult.class)))
    @APIResponse(responseCode = "403", description = "A compound lies outside the caller's community")
    @APIResponse(
            responseCode = "409",
            description = "HOUSEHOLD_ADDRESS_TAKEN raced in by another request; nothing stored")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE")
    @APIResponse(responseCode = "415", description = "Not text/csv")
    @APIResponse(
            responseCode = "422",
            description =
                    "HOUSEHOLD_IMPORT_REJECTED with one error per row and column, or IDEMPOTENCY_KEY_REUSED; nothing stored")
    public Response importCsv(
            String body,
            @Parameter(description = "Makes a retried upload safe") @HeaderParam(Idempotency.HEADER) String key) {
        return imports.importCsv(body, key);
    }
}
