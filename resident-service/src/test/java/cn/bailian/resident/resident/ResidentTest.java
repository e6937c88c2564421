package cn.bailian.resident.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.kit.problem.FieldError;
import cn.bailian.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The resident's one transition, ACTIVE → MOVED_OUT, without the stack. */
class ResidentTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 6, 1, 0, 0, 0, ZoneOffset.UTC);

    static Resident active() {
        Resident resident = new Resident();
        resident.id = UUID.randomUUID();
        resident.birthDate = LocalDate.of(1985, 3, 7);
        resident.status = ResidentStatus.ACTIVE;
        return resident;
    }

    @Test
    void anActiveResidentMovesOutKeepingTheRecord() {
        Resident resident = active();
        resident.moveOut(LocalDate.of(2026, 12, 6), " 成都市武侯区 ", AT);
        assertThat(resident.status).isEqualTo(ResidentStatus.MOVED_OUT);
        assertThat(resident.isActive()).isFalse();
        assertThat(resident.movedOutOn).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(resident.moveOutDestination).isEqualTo("成都市武侯区");
        assertThat(resident.updatedAt).isEqualTo(AT);
    }

    @Test
    void aBlankDestinationIsNone() {
        Resident resident = active();
        resident.moveOut(LocalDate.of(2026, 12, 6), "  ", AT);
        assertThat(resident.moveOutDestination).isNull();
    }

    @Test
    void movingOutTwiceIsRefused() {
        Resident resident = active();
        resident.moveOut(LocalDate.of(2026, 12, 1), null, AT);
        assertThatThrownBy(() -> resident.moveOut(LocalDate.of(2026, 12, 6), null, AT.plusDays(1)))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("RESIDENT_MOVED_OUT"));
        assertThat(resident.movedOutOn).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(resident.updatedAt).isEqualTo(AT);
    }

    @Test
    void movingOutBeforeBirthIsRefusedAndChangesNothing() {
        Resident resident = active();
        assertThatThrownBy(() -> resident.moveOut(LocalDate.of(1985, 3, 6), null, AT))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::code).containsExactly("BeforeBirth"));
        assertThat(resident.status).isEqualTo(ResidentStatus.ACTIVE);
        assertThat(resident.movedOutOn).isNull();
        // the day of birth itself is a possible date
        resident.moveOut(LocalDate.of(1985, 3, 7), null, AT);
        assertThat(resident.status).isEqualTo(ResidentStatus.MOVED_OUT);
    }

    @Test
    void aMovedOutResidentIsNotActiveForChanges() {
        Resident resident = active();
        resident.requireActive();
        resident.status = ResidentStatus.MOVED_OUT;
        assertThatThrownBy(resident::requireActive)
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("RESIDENT_MOVED_OUT"));
    }
}
