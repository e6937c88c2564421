package cn.bailian.farm.plot;

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
import java.util.UUID;

@Entity
public class Plot extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID farmId;
    public UUID communityId;
    public String code;
    @Column(name = "area_m2")
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

    /** The plot under a row lock: every change of its status goes through here. */
    public static Plot lock(UUID id) {
        Plot plot = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (plot == null) {
            throw ProblemException.notFound("PLOT_NOT_FOUND", id);
        }
        return plot;
    }
}
