package cn.bailian.activity.venue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response records of the venue API. */
public final class VenueApi {

    private VenueApi() {}

    @Schema(description = "A weekly opening window in Asia/Shanghai local time; closes 00:00 means midnight")
    public record Window(
            @NotNull @Schema(example = "SATURDAY") DayOfWeek dayOfWeek,

            @NotNull
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "09:00")
            LocalTime opens,

            @NotNull
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "21:00")
            LocalTime closes) {}

    public record CreateVenue(
            @NotNull @Schema(example = "6f1d8a52-0a43-4c3b-9a55-3f1e0b7c2d10")
            UUID communityId,

            @NotBlank @Size(max = 100) @Schema(example = "儿童之家 1 号活动室")
            String name,

            @NotNull @Schema(example = "ROOM") Venue.Kind kind,

            @NotNull @Min(1) @Max(10000) @Schema(example = "30")
            Integer capacity,

            @NotEmpty @Size(max = 50) List<@Valid @NotNull Window> openingHours) {}

    public record VenueView(
            UUID id,
            UUID communityId,
            @Schema(example = "儿童之家 1 号活动室") String name,
            Venue.Kind kind,
            @Schema(example = "30") int capacity,
            List<Window> openingHours,
            OffsetDateTime createdAt,
            long version) {

        static VenueView of(Venue v) {
            return new VenueView(
                    v.id,
                    v.communityId,
                    v.name,
                    v.kind,
                    v.capacity,
                    v.openingHours.stream()
                            .map(h -> new Window(DayOfWeek.of(h.dayOfWeek), h.opens, h.closes))
                            .toList(),
                    v.createdAt,
                    v.version);
        }
    }
}
