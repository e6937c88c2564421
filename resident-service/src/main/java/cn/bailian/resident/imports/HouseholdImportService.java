package cn.bailian.resident.imports;

import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.problem.FieldError;
import cn.bailian.kit.security.Caller;
import cn.bailian.resident.compound.Compound;
import cn.bailian.resident.household.Household;
import cn.bailian.resident.household.HouseholdApi.CreateHousehold;
import cn.bailian.resident.household.HouseholdService;
import cn.bailian.resident.imports.ImportApi.HouseholdImportResult;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Many households from one CSV file, all or nothing, as residents are imported. */
@ApplicationScoped
public class HouseholdImportService {

    private static final Logger LOG = Logger.getLogger(HouseholdImportService.class);
    static final List<String> COLUMNS = List.of("compoundId", "building", "unit", "room");
    /** A community's whole register of households in one file (白莲: 2,786), within the 256 KiB a CSV may have. */
    static final int MAX_ROWS = 4000;

    static final String REJECTED = "HOUSEHOLD_IMPORT_REJECTED";

    @Inject
    HouseholdService households;

    @Inject
    Validator validator;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    /**
     * One transaction for the whole file, begun here with the resident import's 300 s so that thousands of rows fit;
     * the kit's Idempotency joins it. Each row is registered through HouseholdService.register, the one home of a
     * registration (its audit entry and household.registered.v1 event included).
     */
    @Transactional
    @TransactionConfiguration(timeout = 300)
    public Response importCsv(String body, String key) {
        caller.requireAuthenticated();
        String csv = body == null ? "" : body;
        return idempotency.execute(key, "POST /households/import", csv, () -> {
            List<UUID> ids = new ArrayList<>();
            for (CreateHousehold row : check(csv)) {
                ids.add(households.register(row).id());
            }
            LOG.infof("imported %d households", ids.size());
            return Response.status(201)
                    .entity(new HouseholdImportResult(ids.size(), ids))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        });
    }

    /** Every row is read and checked before the first is stored. */
    List<CreateHousehold> check(String body) {
        List<List<String>> records = Csv.rows(body, COLUMNS, MAX_ROWS, REJECTED, "households");
        List<FieldError> errors = new ArrayList<>();
        List<CreateHousehold> rows = new ArrayList<>();
        Map<UUID, Compound> compounds = new HashMap<>();
        Map<String, Integer> addressesSeen = new HashMap<>();
        for (int r = 0; r < records.size(); r++) {
            String rowName = Csv.rowName(r);
            String row = rowName + ": ";
            List<String> cells = records.get(r);
            if (cells.size() != COLUMNS.size()) {
                errors.add(new FieldError(rowName, "ColumnCount", "expected " + COLUMNS.size() + " columns"));
                continue;
            }
            int before = errors.size();
            CreateHousehold request = new CreateHousehold(
                    Csv.parseUuid(cells.get(0), row + "compoundId", errors),
                    Csv.blankToNull(cells.get(1)),
                    Csv.blankToNull(cells.get(2)),
                    Csv.blankToNull(cells.get(3)));
            Csv.validate(validator, request, row, errors);
            if (request.compoundId() != null) {
                Compound compound = compounds.computeIfAbsent(request.compoundId(), id -> Compound.findById(id));
                if (compound == null) {
                    errors.add(new FieldError(row + "compoundId", "COMPOUND_NOT_FOUND", "no such compound"));
                } else {
                    // as the resident import: a row outside the caller's community refuses the whole file with 403
                    caller.requireStaffOf(compound.communityId);
                    if (errors.size() == before) {
                        String address =
                                compound.id + "/" + request.building() + "/" + request.unit() + "/" + request.room();
                        Integer earlier = addressesSeen.putIfAbsent(address, r + 2);
                        if (earlier != null) {
                            errors.add(new FieldError(
                                    row + "room", "DuplicateInFile", "the same address is on row " + earlier));
                        } else if (Household.addressTaken(
                                compound.id, request.building(), request.unit(), request.room(), null)) {
                            errors.add(new FieldError(
                                    row + "room", "HOUSEHOLD_ADDRESS_TAKEN", "this address is already a household"));
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
