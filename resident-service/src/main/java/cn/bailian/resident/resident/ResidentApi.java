package cn.bailian.resident.resident;

import cn.bailian.resident.pii.Phones;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the resident API. */
public final class ResidentApi {

    public static final String ID_NUMBER_PATTERN = "^\\d{17}[\\dXx]$";

    private ResidentApi() {}

    @Schema(name = "CreateResident", description = "A person to register in a household / 登记居民")
    public record CreateResident(
            @Schema(example = "胡小明") @NotBlank @Size(max = 50)
            String name,

            @Schema(example = "MALE") @NotNull Gender gender,

            @Schema(example = "1985-03-07") @NotNull @PastOrPresent
            LocalDate birthDate,

            @Schema(example = "13812345678", description = "Mainland mobile number")
            @NotNull
            @Pattern(regexp = Phones.PATTERN)
            String phone,

            @Schema(example = "510104198503070017", description = "Optional 18-character ID-card number (GB 11643)")
            @Pattern(regexp = ID_NUMBER_PATTERN)
            String idNumber,

            @Schema(example = "PERMANENT") @NotNull ResidencyType residencyType,

            @Schema(example = "5b0e9a52-0f4e-4d38-9a3b-6c1f0f6f2a11") @NotNull
            UUID householdId,

            @Schema(example = "SELF") @NotNull RelationToHead relationToHead) {

        /** Never print the phone or ID number. */
        @Override
        public String toString() {
            return "CreateResident[householdId=" + householdId + "]";
        }
    }

    @Schema(
            name = "UpdateResident",
            description =
                    "Fields to change; absent fields stay as they are. A resident may change only their own phone.")
    public record UpdateResident(
            @Schema(example = "胡晓明") @Size(min = 1, max = 50)
            String name,

            Gender gender,
            @PastOrPresent LocalDate birthDate,

            @Schema(example = "13912345678") @Pattern(regexp = Phones.PATTERN)
            String phone,

            @Schema(example = "510104198503070017") @Pattern(regexp = ID_NUMBER_PATTERN)
            String idNumber,

            @Schema(example = "FLOATING") ResidencyType residencyType,
            UUID householdId,
            RelationToHead relationToHead) {

        @Override
        public String toString() {
            return "UpdateResident[]";
        }
    }

    @Schema(name = "MoveOut", description = "Moving out keeps the record with status MOVED_OUT / 迁出")
    public record MoveOut(
            @Schema(example = "2026-10-31") @NotNull @PastOrPresent
            LocalDate date,

            @Schema(example = "成都市武侯区") @Size(max = 200) String destination) {}

    @Schema(name = "LinkGuardian", description = "An adult of the community becomes guardian of a child / 监护关系")
    public record LinkGuardian(
            @Schema(example = "0d7f5a2e-7f57-4b44-bb0c-2a1e54f0a1c3") @NotNull
            UUID guardianId,

            @Schema(example = "MOTHER") @NotNull GuardianRelation relation) {}

    @Schema(name = "Guardian")
    public record GuardianView(
            UUID childId, UUID guardianId, GuardianRelation relation, UUID communityId, OffsetDateTime createdAt) {}

    @Schema(
            name = "Resident",
            description =
                    "phone and idNumber are whole only for the resident and their community's staff; masked (138****5678) otherwise")
    public record ResidentView(
            UUID id,
            UUID communityId,
            UUID householdId,
            UUID compoundId,
            @Schema(example = "胡小明") String name,
            Gender gender,
            LocalDate birthDate,
            @Schema(example = "138****5678") String phone,
            @Schema(example = "5101**********0017") String idNumber,

            @Schema(description = "true when phone and idNumber are masked")
            boolean masked,

            ResidencyType residencyType,
            RelationToHead relationToHead,
            ResidentStatus status,
            LocalDate movedOutOn,
            @Schema(example = "成都市武侯区") String moveOutDestination,
            List<GuardianView> guardians,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long version) {

        @Override
        public String toString() {
            return "ResidentView[" + id + "]";
        }
    }

    @Schema(name = "AuditEntry")
    public record AuditView(
            @Schema(example = "UPDATED") String action,
            @Schema(example = "staff-7f3a") String actor,

            @Schema(example = "[\"phone\", \"residencyType\"]")
            List<String> fields,

            OffsetDateTime at) {}
}
