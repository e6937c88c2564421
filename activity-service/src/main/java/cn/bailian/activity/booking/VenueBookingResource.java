package cn.bailian.activity.booking;

import cn.bailian.kit.http.QueryParams;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * A venue's bookings, under the venue's path. They belong to the booking feature, which depends on venues and not
 * the other way round; the operations keep the "Venues" tag they are documented under.
 */
@Path("/api/v1/venues/{id}/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Venues")
public class VenueBookingResource {

    @Inject
    BookingService bookings;

    @POST
    @Operation(
            operationId = "bookVenue",
            summary = "Book a venue for a resident or an organisation",
            description =
                    "The slot must lie in the future and within the venue's opening hours; live bookings of a venue never overlap.")
    @APIResponse(
            responseCode = "201",
            description = "Booked",
            content = @Content(schema = @Schema(implementation = BookingApi.BookingView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Neither the resident or organisation themselves nor staff of the venue's community")
    @APIResponse(responseCode = "404", description = "VENUE_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "BOOKING_OVERLAP: the venue is taken for part of this time")
    @APIResponse(
            responseCode = "422",
            description =
                    "OUTSIDE_OPENING_HOURS, BOOKING_IN_PAST, VENUE_CAPACITY_EXCEEDED, RESIDENT_NOT_ELIGIBLE, ORGANIZATION_NOT_FOUND, IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response book(@PathParam("id") UUID id, @Valid @NotNull BookingApi.CreateBooking request) {
        BookingApi.BookingView booking = bookings.book(id, request);
        return Response.created(URI.create("/api/v1/bookings/" + booking.id()))
                .entity(booking)
                .build();
    }

    @GET
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listVenueSlots",
            summary = "The taken slots of a venue between two dates (public, holders not shown)",
            description =
                    "from and to are dates in the community's local time, both inclusive, at most 31 days apart; default: the next 7 days.")
    @APIResponse(responseCode = "200", description = "One page of taken slots in time order")
    @APIResponse(responseCode = "404", description = "VENUE_NOT_FOUND")
    public Page<BookingApi.Slot> slots(
            @PathParam("id") UUID id,
            @Parameter(description = "YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "YYYY-MM-DD") @QueryParam("to") String to,
            @BeanParam PageRequest page) {
        return bookings.taken(id, QueryParams.date("from", from), QueryParams.date("to", to), page);
    }
}
