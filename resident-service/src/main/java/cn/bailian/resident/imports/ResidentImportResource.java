package cn.bailian.resident.imports;

import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.resident.imports.ImportApi.ImportResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/residents/import")
@Tag(name = "Residents")
public class ResidentImportResource {

    private static final String EXAMPLE = """
            name,gender,birthDate,phone,idNumber,residencyType,householdId,relationToHead
            胡小明,MALE,1985-03-07,13812345678,510104198503070017,PERMANENT,5b0e9a52-0f4e-4d38-9a3b-6c1f0f6f2a11,SELF
            李芳,FEMALE,1987-09-12,13912345678,,FLOATING,5b0e9a52-0f4e-4d38-9a3b-6c1f0f6f2a11,SPOUSE
            """;

    @Inject
    ResidentImportService imports;

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importResidents",
            summary = "Register many residents from CSV, all or nothing / 批量导入居民",
            description =
                    "UTF-8 CSV (RFC 4180, optional BOM), at most 2000 rows and 256 KiB. The header row is exactly: "
                            + "name,gender,birthDate,phone,idNumber,residencyType,householdId,relationToHead. "
                            + "gender MALE|FEMALE; birthDate YYYY-MM-DD; phone a mainland mobile number; idNumber optional (18 characters, "
                            + "GB 11643 check digit, matching birthDate); residencyType PERMANENT|FLOATING; householdId a household of the "
                            + "caller's community; relationToHead SELF|SPOUSE|CHILD|PARENT|GRANDPARENT|GRANDCHILD|SIBLING|OTHER. "
                            + "Every row is checked before anything is stored; any error rejects the whole file with 422 IMPORT_REJECTED and "
                            + "errors[] naming each row (the header is row 1) and column, e.g. \"row 3: phone\". STAFF of the community or ADMIN.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            example = EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "All rows registered",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "403", description = "A household lies outside the caller's community")
    @APIResponse(
            responseCode = "409",
            description = "DUPLICATE_ID_NUMBER or HOUSEHOLD_HEAD_EXISTS raced in by another request; nothing stored")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE")
    @APIResponse(responseCode = "415", description = "Not text/csv")
    @APIResponse(
            responseCode = "422",
            description = "IMPORT_REJECTED with one error per row and column; nothing stored")
    public Response importCsv(String body, @HeaderParam(Idempotency.HEADER) String key) {
        return imports.importCsv(body, key);
    }
}
