package cn.bailian.farm.plot;

import cn.bailian.farm.farm.Farm;
import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Entity
public class Plot extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID farmId;
    public UUID communityId;
    public String code;

    @Column(name = "area_m2") // the naming strategy writes "aream2": no underscore before a digit
    public BigDecimal areaM2;

    public int gridRow;
    public int gridColumn;

    @Enumerated(EnumType.STRING)
    public PlotStatus status;

    public String note;
    public OffsetDateTime createdAt;

    @Version
    public long version;

    public static Plot require(UUID id) {
        Plot plot = findById(id);
        if (plot == null) {
            throw ProblemException.notFound("PLOT_NOT_FOUND", id);
        }
        return plot;
    }

    /**
     * The one lock order of a farm: the farm's row first (it serialises the waitlist: joins, reorders, offers and
     * draws), then the plot's. Every change of a plot's status takes its locks through here or
     * {@link #lockAvailableOf}, so two transactions never wait on each other in opposite orders.
     */
    public static Plot lockWithFarm(UUID id) {
        UUID farmId = getEntityManager()
                .createQuery("select p.farmId from Plot p where p.id = ?1", UUID.class)
                .setParameter(1, id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("PLOT_NOT_FOUND", id));
        Farm.lock(farmId);
        return lock(id);
    }

    /** The farm's AVAILABLE plots by code, locked in the farm-before-plot order of {@link #lockWithFarm}. */
    public static List<Plot> lockAvailableOf(UUID farmId) {
        Farm.lock(farmId);
        return find("farmId = ?1 and status = ?2 order by code", farmId, PlotStatus.AVAILABLE)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /**
     * The plot alone under a row lock: for taking an AVAILABLE plot (a direct claim, or accepting the offer that holds
     * it), which touches no waitlist order. Whoever also needs the farm takes both through {@link #lockWithFarm}.
     */
    public static Plot lock(UUID id) {
        Plot plot = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (plot == null) {
            throw ProblemException.notFound("PLOT_NOT_FOUND", id);
        }
        return plot;
    }
}
