package cn.bailian.activity.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The venue booking's state machine alone, refused transitions included. Plain JUnit, no Quarkus. */
class VenueBookingTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-10T02:00:00Z");
    private static final Instant OPENS = NOW.toInstant().minusSeconds(600);
    private static final Instant CLOSES = NOW.toInstant().plusSeconds(600);

    private static VenueBooking in(VenueBooking.Status status, VenueBooking.HolderKind holder) {
        VenueBooking b = new VenueBooking();
        b.id = UUID.randomUUID();
        b.status = status;
        b.holderKind = holder;
        return b;
    }

    private static void refused(Runnable transition, String code, int status) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(status);
        });
    }

    @Test
    void theHolderCancelsALiveBooking() {
        VenueBooking b = in(VenueBooking.Status.BOOKED, VenueBooking.HolderKind.RESIDENT);
        b.cancel(NOW);
        assertThat(b.status).isEqualTo(VenueBooking.Status.CANCELLED);
        assertThat(b.closedAt).isEqualTo(NOW);
    }

    @Test
    void cancellingIsRefusedForSessionsAndClosedBookings() {
        VenueBooking session = in(VenueBooking.Status.BOOKED, VenueBooking.HolderKind.ACTIVITY);
        refused(() -> session.cancel(NOW), "BOOKING_HELD_BY_SESSION", 409);
        assertThat(session.status).isEqualTo(VenueBooking.Status.BOOKED);
        for (VenueBooking.Status closed : new VenueBooking.Status[] {
            VenueBooking.Status.CHECKED_IN, VenueBooking.Status.CANCELLED, VenueBooking.Status.RELEASED
        }) {
            VenueBooking b = in(closed, VenueBooking.HolderKind.ORGANIZATION);
            refused(() -> b.cancel(NOW), "BOOKING_NOT_ACTIVE", 409);
            assertThat(b.status).isEqualTo(closed);
        }
    }

    @Test
    void checkInWithinItsWindow() {
        VenueBooking b = in(VenueBooking.Status.BOOKED, VenueBooking.HolderKind.RESIDENT);
        b.checkIn(NOW, OPENS, CLOSES);
        assertThat(b.status).isEqualTo(VenueBooking.Status.CHECKED_IN);
        assertThat(b.checkedInAt).isEqualTo(NOW);
    }

    @Test
    void checkInIsRefusedOutsideItsWindowOrTwice() {
        VenueBooking early = in(VenueBooking.Status.BOOKED, VenueBooking.HolderKind.RESIDENT);
        refused(() -> early.checkIn(NOW, NOW.toInstant().plusSeconds(1), CLOSES), "CHECK_IN_NOT_OPEN", 422);
        refused(() -> early.checkIn(NOW, OPENS, NOW.toInstant()), "CHECK_IN_NOT_OPEN", 422);
        assertThat(early.status).isEqualTo(VenueBooking.Status.BOOKED);
        VenueBooking checkedIn = in(VenueBooking.Status.CHECKED_IN, VenueBooking.HolderKind.RESIDENT);
        refused(() -> checkedIn.checkIn(NOW, OPENS, CLOSES), "BOOKING_NOT_ACTIVE", 409);
        VenueBooking session = in(VenueBooking.Status.BOOKED, VenueBooking.HolderKind.ACTIVITY);
        refused(() -> session.checkIn(NOW, OPENS, CLOSES), "BOOKING_HELD_BY_SESSION", 409);
    }

    @Test
    void aCancelledSessionFreesItsSlotAClosedBookingStaysClosed() {
        VenueBooking live = in(VenueBooking.Status.BOOKED, VenueBooking.HolderKind.ACTIVITY);
        live.freeForCancelledSession(NOW);
        assertThat(live.status).isEqualTo(VenueBooking.Status.CANCELLED);
        assertThat(live.closedAt).isEqualTo(NOW);
        VenueBooking released = in(VenueBooking.Status.RELEASED, VenueBooking.HolderKind.ACTIVITY);
        released.freeForCancelledSession(NOW);
        assertThat(released.status).isEqualTo(VenueBooking.Status.RELEASED);
        assertThat(released.closedAt).isNull();
    }
}
