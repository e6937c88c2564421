package cn.bailian.activity.booking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Request, response and event records of venue bookings. */
public final class BookingApi {

    private BookingApi() {}

    @Schema(description = "Exactly one of residentId and organizationId names who holds the booking")
    public record CreateBooking(
            @Schema(example = "0b7f7c1e-5d7a-4b53-8f0e-2c9a1d3e4f50")
            UUID residentId,

            UUID organizationId,

            @NotNull @Schema(example = "2026-12-05T14:00:00+08:00")
            OffsetDateTime startsAt,

            @NotNull @Schema(example = "2026-12-05T16:00:00+08:00")
            OffsetDateTime endsAt,

            @Size(max = 500) @Schema(example = "楼栋议事会") String purpose,
            @Min(1) @Max(10000) @Schema(example = "12") Integer attendees) {}

    public record BookingView(
            UUID id,
            UUID venueId,
            UUID communityId,
            @Schema(example = "RESIDENT") VenueBooking.HolderKind holderKind,
            UUID residentId,
            UUID organizationId,
            UUID activityId,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            @Schema(example = "楼栋议事会") String purpose,
            Integer attendees,
            @Schema(example = "BOOKED") VenueBooking.Status status,
            OffsetDateTime checkedInAt,
            OffsetDateTime closedAt,
            OffsetDateTime createdAt,
            long version) {

        public static BookingView of(VenueBooking b) {
            return new BookingView(
                    b.id,
                    b.venueId,
                    b.communityId,
                    b.holderKind,
                    b.residentId,
                    b.organizationId,
                    b.activityId,
                    b.startsAt,
                    b.endsAt,
                    b.purpose,
                    b.attendees,
                    b.status,
                    b.checkedInAt,
                    b.closedAt,
                    b.createdAt,
                    b.version);
        }
    }

    /** A taken slot as anyone may see it when choosing a time: no holder. */
    public record Slot(
            @Schema(example = "2026-12-05T14:00:00+08:00") OffsetDateTime startsAt,
            @Schema(example = "2026-12-05T16:00:00+08:00") OffsetDateTime endsAt,
            @Schema(example = "ACTIVITY") VenueBooking.HolderKind holderKind) {}

    /** {@code cn.bailian.activity.venue.booked.v1}; subject bookingId. */
    public record VenueBooked(
            UUID bookingId,
            UUID venueId,
            UUID communityId,
            String holderKind,
            UUID residentId,
            UUID organizationId,
            UUID activityId,
            UUID sessionId,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt) {}
}
