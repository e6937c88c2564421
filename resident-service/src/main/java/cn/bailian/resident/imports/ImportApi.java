package cn.bailian.resident.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Response bodies of the CSV imports. */
public final class ImportApi {

    private ImportApi() {}

    @Schema(name = "ImportResult")
    public record ImportResult(@Schema(example = "2") int imported, List<UUID> residentIds) {}

    @Schema(name = "HouseholdImportResult")
    public record HouseholdImportResult(
            @Schema(example = "2") int imported, List<UUID> householdIds) {}
}
