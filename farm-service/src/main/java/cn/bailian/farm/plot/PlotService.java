package cn.bailian.farm.plot;

import cn.bailian.farm.farm.Farm;
import cn.bailian.farm.plot.PlotApi.CreatePlot;
import cn.bailian.farm.plot.PlotApi.PlotView;
import cn.bailian.farm.plot.PlotApi.UpdatePlot;
import cn.bailian.farm.resident.ResidentService;
import cn.bailian.kit.db.Constraints;
import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plots of a farm and the public plot map. */
@ApplicationScoped
public class PlotService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ResidentService residents;

    @Inject
    PlotHolders holders;

    @Inject
    Event<PlotFreed> plotFreed;

    /** A plot as answered to a write: its view and the version for the ETag. */
    public record Written(PlotView view, long version) {}

    @Transactional
    public Written create(UUID farmId, CreatePlot request) {
        Farm farm = Farm.require(farmId);
        caller.requireStaffOf(farm.communityId);
        Plot plot = new Plot();
        plot.id = UUID.randomUUID();
        plot.farmId = farm.id;
        plot.communityId = farm.communityId;
        plot.code = request.code();
        plot.areaM2 = request.areaM2();
        plot.gridRow = request.gridRow();
        plot.gridColumn = request.gridColumn();
        plot.status = PlotStatus.AVAILABLE;
        plot.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            em.persist(plot);
            em.flush();
        } catch (PersistenceException e) {
            String constraint = Constraints.violated(e);
            if ("plot_farm_id_code_key".equals(constraint)) {
                throw ProblemException.conflict("PLOT_CODE_TAKEN", request.code());
            }
            if ("plot_farm_id_grid_row_grid_column_key".equals(constraint)) {
                throw ProblemException.conflict("PLOT_POSITION_TAKEN", request.gridRow(), request.gridColumn());
            }
            throw e;
        }
        return new Written(PlotView.of(plot, null), plot.version);
    }

    /** Staff take a free plot out of use or back; back to AVAILABLE, it is offered to the waitlist at once. */
    @Transactional
    public Written change(UUID id, String ifMatch, UpdatePlot request) {
        // the plot is first read under its lock: read before, a concurrent change would fail its version check as a 500
        Plot plot = Plot.lockWithFarm(id);
        caller.requireStaffOf(plot.communityId);
        if (request.status() == PlotStatus.CLAIMED || request.status() == PlotStatus.OFFERED) {
            throw ProblemException.unprocessable("PLOT_STATUS_NOT_SETTABLE", request.status());
        }
        ETags.requireMatch(ifMatch, plot.version);
        if (plot.status == PlotStatus.CLAIMED || plot.status == PlotStatus.OFFERED) {
            throw ProblemException.conflict("PLOT_IN_USE", plot.code);
        }
        plot.status = request.status();
        plot.note = request.note();
        if (plot.status == PlotStatus.AVAILABLE) {
            plotFreed.fire(new PlotFreed(plot, Instant.now()));
        }
        em.flush();
        return new Written(PlotView.of(plot, null), plot.version);
    }

    public Page<PlotView> map(UUID farmId, PlotStatus status, PageRequest page) {
        Farm.require(farmId);
        Sort order = Sort.by("gridRow").and("gridColumn").and("code");
        var query = status == null
                ? Plot.<Plot>find("farmId", order, farmId)
                : Plot.<Plot>find("farmId = ?1 and status = ?2", order, farmId, status);
        List<Plot> plots = query.page(page.page(), page.size()).list();
        Map<UUID, UUID> held = plots.isEmpty()
                ? Map.of()
                : holders.holdersOf(plots.stream().map(p -> p.id).toList());
        Map<UUID, String> names = residents.maskedNames(held.values());
        return page.page(
                plots.stream()
                        .map(p ->
                                PlotView.of(p, held.containsKey(p.id) ? names.getOrDefault(held.get(p.id), "*") : null))
                        .toList(),
                query.count());
    }

    public Written get(UUID id) {
        Plot plot = Plot.require(id);
        UUID holder = holders.holdersOf(List.of(plot.id)).get(plot.id);
        return new Written(PlotView.of(plot, holder == null ? null : residents.maskedName(holder)), plot.version);
    }
}
