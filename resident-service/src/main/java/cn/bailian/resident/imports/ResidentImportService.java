package cn.bailian.resident.imports;

import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.problem.FieldError;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.time.CommunityClock;
import cn.bailian.resident.household.Household;
import cn.bailian.resident.imports.ImportApi.ImportResult;
import cn.bailian.resident.pii.IdCardNumber;
import cn.bailian.resident.pii.PiiVault;
import cn.bailian.resident.resident.Gender;
import cn.bailian.resident.resident.RelationToHead;
import cn.bailian.resident.resident.ResidencyType;
import cn.bailian.resident.resident.Resident;
import cn.bailian.resident.resident.ResidentApi.CreateResident;
import cn.bailian.resident.resident.ResidentService;
import cn.bailian.resident.resident.ResidentStatus;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Many residents from one CSV file, all or nothing. */
@ApplicationScoped
public class ResidentImportService {

    private static final Logger LOG = Logger.getLogger(ResidentImportService.class);
    static final List<String> COLUMNS = List.of(
            "name", "gender", "birthDate", "phone", "idNumber", "residencyType", "householdId", "relationToHead");
    static final int MAX_ROWS = 2000;
    static final String REJECTED = "IMPORT_REJECTED";

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

    @Inject
    CommunityClock clock;

    /**
     * One transaction for the whole file (all or nothing), begun here so it may last as long as 2,000 rows need on a
     * busy machine; the kit's 30 s default cut 1,200-row imports short under the benchmark's load. The kit's
     * Idempotency joins it, so a replayed key and the rows are stored together or not at all.
     */
    @Transactional
    @TransactionConfiguration(timeout = 300)
    public Response importCsv(String body, String key) {
        caller.requireAuthenticated();
        String csv = body == null ? "" : body;
        // a keyed hash of the file, not the file: the kit would otherwise keep a plain hash of phone numbers
        return idempotency.execute(key, "POST /residents/import", vault.hash("import", csv), () -> {
            List<UUID> ids = new ArrayList<>();
            for (CreateResident row : check(csv)) {
                ids.add(residents.register(row).id);
            }
            LOG.infof("imported %d residents", ids.size());
            return Response.status(201)
                    .entity(new ImportResult(ids.size(), ids))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        });
    }

    /** Every row is read and checked before the first is stored. */
    List<CreateResident> check(String body) {
        List<List<String>> records = Csv.rows(body, COLUMNS, MAX_ROWS, REJECTED, "residents");
        LocalDate today = clock.today();
        List<FieldError> errors = new ArrayList<>();
        List<CreateResident> rows = new ArrayList<>();
        Map<UUID, Household> households = new HashMap<>();
        Map<String, Integer> idNumbersSeen = new HashMap<>();
        Set<UUID> headsSeen = new HashSet<>();
        for (int r = 0; r < records.size(); r++) {
            String rowName = Csv.rowName(r);
            String row = rowName + ": ";
            List<String> cells = records.get(r);
            if (cells.size() != COLUMNS.size()) {
                errors.add(new FieldError(rowName, "ColumnCount", "expected " + COLUMNS.size() + " columns"));
                continue;
            }
            int before = errors.size();
            CreateResident request = new CreateResident(
                    Csv.blankToNull(cells.get(0)),
                    Csv.parseEnum(Gender.class, cells.get(1), row + "gender", errors),
                    Csv.parseDate(cells.get(2), row + "birthDate", errors),
                    Csv.blankToNull(cells.get(3)),
                    Csv.blankToNull(cells.get(4)),
                    Csv.parseEnum(ResidencyType.class, cells.get(5), row + "residencyType", errors),
                    Csv.parseUuid(cells.get(6), row + "householdId", errors),
                    Csv.parseEnum(RelationToHead.class, cells.get(7), row + "relationToHead", errors));
            Csv.validate(validator, request, row, errors);
            errors.addAll(ResidentService.checkIdNumber(request.idNumber(), request.birthDate(), row, today));
            if (request.householdId() != null) {
                Household household = households.computeIfAbsent(request.householdId(), id -> Household.findById(id));
                if (household == null) {
                    errors.add(new FieldError(row + "householdId", "HOUSEHOLD_NOT_FOUND", "no such household"));
                } else {
                    caller.requireStaffOf(household.communityId);
                    if (request.relationToHead() == RelationToHead.SELF
                            && (!headsSeen.add(household.id)
                                    || Resident.count(
                                                    "householdId = ?1 and relationToHead = ?2 and status = ?3",
                                                    household.id,
                                                    RelationToHead.SELF,
                                                    ResidentStatus.ACTIVE)
                                            > 0)) {
                        errors.add(new FieldError(
                                row + "relationToHead", "HOUSEHOLD_HEAD_EXISTS", "the household already has a head"));
                    }
                    if (request.idNumber() != null && errors.size() == before) {
                        String hash = vault.hash("idNumber", IdCardNumber.normalise(request.idNumber()));
                        Integer earlier = idNumbersSeen.putIfAbsent(household.communityId + hash, r + 2);
                        if (earlier != null) {
                            errors.add(new FieldError(
                                    row + "idNumber",
                                    "DuplicateInFile",
                                    "the same ID-card number is on row " + earlier));
                        } else if (Resident.count(
                                        "communityId = ?1 and idNumberHash = ?2 and status = ?3",
                                        household.communityId,
                                        hash,
                                        ResidentStatus.ACTIVE)
                                > 0) {
                            errors.add(new FieldError(
                                    row + "idNumber", "DUPLICATE_ID_NUMBER", "already registered in this community"));
                        }
                    }
                }
            }
            rows.add(request);
        }
        if (!errors.isEmpty()) {
            throw Csv.reject(REJECTED, errors);
        }
        return rows;
    }
}
