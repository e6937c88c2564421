package cn.bailian.farm.resident;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Response records of what farm-service knows of residents. */
public final class ResidentApi {

    private ResidentApi() {}

    public record EligibilityView(
            UUID residentId,
            UUID communityId,
            UUID householdId,
            @Schema(example = "ACTIVE") String status,
            @Schema(example = "true") boolean eligible) {}
}
