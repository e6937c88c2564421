package cn.bailian.resident.imports;

import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.problem.FieldError;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.resident.household.Household;
import cn.bailian.resident.pii.IdCardNumber;
import cn.bailian.resident.pii.PiiVault;
import cn.bailian.resident.resident.Gender;
import cn.bailian.resident.resident.RelationToHead;
import cn.bailian.resident.resident.ResidencyType;
import cn.bailian.resident.resident.Resident;
import cn.bailian.resident.resident.ResidentApi.CreateResident;
import cn.bailian.resident.resident.ResidentService;
import cn.bailian.resident.resident.ResidentStatus;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/residents/import")
@Tag(name = "Residents")
public class ResidentImportResource {

    private static final Logger LOG = Logger.getLogger(ResidentImportResource.class);
    static final List<String> COLUMNS = List.of("name", "gender", "birthDate", "phone", "idNumber", "residencyType",
            "householdId", "relationToHead");
    static final int MAX_ROWS = 2000;
    private static final String EXAMPLE = """
            name,gender,birthDate,phone,idNumber,residencyType,householdId,relationToHead
            胡小明,MALE,1985-03-07,13812345678,510104198503070017,PERMANENT,5b0e9a52-0f4e-4d38-9a3b-6c1f0f6f2a11,SELF
            李芳,FEMALE,1987-09-12,13912345678,,FLOATING,5b0e9a52-0f4e-4d38-9a3b-6c1f0f6f2a11,SPOUSE
            """;

    @Schema(name = "ImportResult")
    public record ImportResult(@Schema(example = "2") int imported, List<UUID> residentIds) {
    }

    @Inject
    ResidentService residents;
    @Inject
    Validator validator;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    PiiVault vault;

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importResidents", summary = "Register many residents from CSV, all or nothing / 批量导入居民",
            description = "UTF-8 CSV (RFC 4180, optional BOM), at most 2000 rows and 256 KiB. The header row is exactly: "
                    + "name,gender,birthDate,phone,idNumber,residencyType,householdId,relationToHead. "
                    + "gender MALE|FEMALE; birthDate YYYY-MM-DD; phone a mainland mobile number; idNumber optional (18 characters, "
                    + "GB 11643 check digit, matching birthDate); residencyType PERMANENT|FLOATING; householdId a household of the "
                    + "caller's community; relationToHead SELF|SPOUSE|CHILD|PARENT|GRANDPARENT|GRANDCHILD|SIBLING|OTHER. "
                    + "Every row is checked before anything is stored; any error rejects the whole file with 422 IMPORT_REJECTED and "
                    + "errors[] naming each row (the header is row 1) and column, e.g. \"row 3: phone\". STAFF of the community or ADMIN.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "All rows registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "A household lies outside the caller's community")
    @APIResponse(responseCode = "409", description = "DUPLICATE_ID_NUMBER or HOUSEHOLD_HEAD_EXISTS raced in by another request; nothing stored")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE")
    @APIResponse(responseCode = "415", description = "Not text/csv")
    @APIResponse(responseCode = "422", description = "IMPORT_REJECTED with one error per row and column; nothing stored")
    // One transaction for the whole file (all or nothing), begun here so it may last as long as 2,000 rows
    // need on a busy machine; the kit's 30 s default cut 1,200-row imports short under the benchmark's load.
    @Transactional
    @TransactionConfiguration(timeout = 300)
    public Response importCsv(String body, @HeaderParam(Idempotency.HEADER) String key) {
        caller.requireAuthenticated();
        // a keyed hash of the file, not the file: the kit would otherwise keep a plain hash of phone numbers
        return idempotency.execute(key, "POST /residents/import", vault.hash("import", body == null ? "" : body), () -> {
            List<UUID> ids = run(body == null ? "" : body);
            return Response.status(201).entity(new ImportResult(ids.size(), ids)).type(MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    @Transactional
    List<UUID> run(String body) {
        List<CreateResident> rows = check(body);
        List<UUID> ids = new ArrayList<>();
        for (CreateResident row : rows) {
            ids.add(residents.register(row).id);
        }
        LOG.infof("imported %d residents", ids.size());
        return ids;
    }

    /** Every row is read and checked before the first is stored. */
    List<CreateResident> check(String body) {
        List<List<String>> records;
        try {
            records = Csv.parse(body);
        } catch (IllegalArgumentException e) {
            throw reject(List.of(new FieldError("csv", "Malformed", e.getMessage())));
        }
        if (records.isEmpty() || !records.get(0).stream().map(String::strip).toList().equals(COLUMNS)) {
            throw reject(List.of(new FieldError("row 1", "Header", "the header must be " + String.join(",", COLUMNS))));
        }
        if (records.size() == 1) {
            throw reject(List.of(new FieldError("row 2", "Empty", "the file holds no residents")));
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw reject(List.of(new FieldError("csv", "TooManyRows", "at most " + MAX_ROWS + " rows")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<CreateResident> rows = new ArrayList<>();
        Map<UUID, Household> households = new HashMap<>();
        Map<String, Integer> idNumbersSeen = new HashMap<>();
        Set<UUID> headsSeen = new HashSet<>();
        for (int r = 1; r < records.size(); r++) {
            String row = "row " + (r + 1) + ": ";
            List<String> cells = records.get(r);
            if (cells.size() != COLUMNS.size()) {
                errors.add(new FieldError("row " + (r + 1), "ColumnCount", "expected " + COLUMNS.size() + " columns"));
                continue;
            }
            int before = errors.size();
            CreateResident request = new CreateResident(
                    blankToNull(cells.get(0)),
                    parseEnum(Gender.class, cells.get(1), row + "gender", errors),
                    parseDate(cells.get(2), row + "birthDate", errors),
                    blankToNull(cells.get(3)),
                    blankToNull(cells.get(4)),
                    parseEnum(ResidencyType.class, cells.get(5), row + "residencyType", errors),
                    parseUuid(cells.get(6), row + "householdId", errors),
                    parseEnum(RelationToHead.class, cells.get(7), row + "relationToHead", errors));
            for (ConstraintViolation<CreateResident> violation : validator.validate(request)) {
                String field = violation.getPropertyPath().toString();
                if (errors.stream().noneMatch(e -> e.field().equals(row + field))) {
                    errors.add(new FieldError(row + field,
                            violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), violation.getMessage()));
                }
            }
            errors.addAll(ResidentService.checkIdNumber(request.idNumber(), request.birthDate(), row));
            if (request.householdId() != null) {
                Household household = households.computeIfAbsent(request.householdId(), id -> Household.findById(id));
                if (household == null) {
                    errors.add(new FieldError(row + "householdId", "HOUSEHOLD_NOT_FOUND", "no such household"));
                } else {
                    caller.requireStaffOf(household.communityId);
                    if (request.relationToHead() == RelationToHead.SELF && (!headsSeen.add(household.id)
                            || Resident.count("householdId = ?1 and relationToHead = ?2 and status = ?3",
                            household.id, RelationToHead.SELF, ResidentStatus.ACTIVE) > 0)) {
                        errors.add(new FieldError(row + "relationToHead", "HOUSEHOLD_HEAD_EXISTS", "the household already has a head"));
                    }
                    if (request.idNumber() != null && errors.size() == before) {
                        String hash = vault.hash("idNumber", IdCardNumber.normalise(request.idNumber()));
                        Integer earlier = idNumbersSeen.putIfAbsent(household.communityId + hash, r + 1);
                        if (earlier != null) {
                            errors.add(new FieldError(row + "idNumber", "DuplicateInFile", "the same ID-card number is on row " + earlier));
                        } else if (Resident.count("communityId = ?1 and idNumberHash = ?2 and status = ?3",
                                household.communityId, hash, ResidentStatus.ACTIVE) > 0) {
                            errors.add(new FieldError(row + "idNumber", "DUPLICATE_ID_NUMBER", "already registered in this community"));
                        }
                    }
                }
            }
            rows.add(request);
        }
        if (!errors.isEmpty()) {
            throw reject(errors);
        }
        return rows;
    }

    private static ProblemException reject(List<FieldError> errors) {
        return new ProblemException(422, "IMPORT_REJECTED", errors, Map.of(), errors.size());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null; // reported as NotNull by the validator
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "WrongType", "one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static LocalDate parseDate(String value, String field, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "WrongType", "expected YYYY-MM-DD"));
            return null;
        }
    }

    private static UUID parseUuid(String value, String field, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "WrongType", "expected a UUID"));
            return null;
        }
    }
}
