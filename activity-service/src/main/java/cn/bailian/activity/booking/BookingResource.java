package cn.bailian.activity.booking;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Venue bookings", description = "场地预约 / Venue bookings (create one with POST /api/v1/venues/{id}/bookings)")
public class BookingResource {

    @Inject
    BookingService bookings;

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getBooking",
            summary = "One booking (its holder, or staff of the community)",
            description = "单条场地预约；预约人或社区工作人员可查。/ One venue booking; for its holder or staff of the community.")
    @APIResponse(responseCode = "200", description = "The booking")
    @APIResponse(responseCode = "403", description = "Neither the holder nor staff of the community")
    @APIResponse(responseCode = "404", description = "BOOKING_NOT_FOUND")
    public BookingApi.BookingView get(@PathParam("id") UUID id) {
        return bookings.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(
            operationId = "cancelBooking",
            summary = "Cancel a booking that has not started being used",
            description =
                    "取消尚未开始使用的预约，时段重新开放。/ Cancel a booking that has not started being used; the slot is free again.")
    @APIResponse(responseCode = "200", description = "Cancelled; the slot is free again")
    @APIResponse(responseCode = "403", description = "Neither the holder nor staff of the community")
    @APIResponse(responseCode = "404", description = "BOOKING_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description = "BOOKING_NOT_ACTIVE (already cancelled, released or checked in), BOOKING_HELD_BY_SESSION")
    public BookingApi.BookingView cancel(@PathParam("id") UUID id) {
        return bookings.cancel(id);
    }

    @POST
    @Path("/{id}/check-in")
    @Operation(
            operationId = "checkInBooking",
            summary = "Check in to a booking",
            description =
                    "Open from 15 minutes before the start until 15 minutes after it; a booking nobody checks in to by then is released.")
    @APIResponse(responseCode = "200", description = "Checked in")
    @APIResponse(responseCode = "403", description = "Neither the holder nor staff of the community")
    @APIResponse(responseCode = "404", description = "BOOKING_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "BOOKING_NOT_ACTIVE, BOOKING_HELD_BY_SESSION")
    @APIResponse(responseCode = "422", description = "CHECK_IN_NOT_OPEN")
    public BookingApi.BookingView checkIn(@PathParam("id") UUID id) {
        return bookings.checkIn(id);
    }
}
