package cn.bailian.farm.farm;

import cn.bailian.farm.farm.FarmApi.CreateFarm;
import cn.bailian.farm.farm.FarmApi.FarmView;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Farms of a community. */
@ApplicationScoped
public class FarmService {

    @Inject
    Caller caller;

    @Transactional
    public FarmView create(CreateFarm request) {
        caller.requireStaffOf(request.communityId());
        if (Farm.count(
                        "communityId = ?1 and name = ?2",
                        request.communityId(),
                        request.name().strip())
                > 0) {
            throw ProblemException.conflict("FARM_NAME_TAKEN", request.name());
        }
        Farm farm = new Farm();
        farm.id = UUID.randomUUID();
        farm.communityId = request.communityId();
        farm.name = request.name().strip();
        farm.location = request.location();
        farm.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            farm.persistAndFlush();
        } catch (PersistenceException race) {
            throw ProblemException.conflict("FARM_NAME_TAKEN", request.name());
        }
        return FarmView.of(farm);
    }

    public Page<FarmView> list(UUID communityId, PageRequest page) {
        var query = communityId == null
                ? Farm.<Farm>findAll(Sort.by("name").and("id"))
                : Farm.<Farm>find("communityId", Sort.by("name").and("id"), communityId);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(FarmView::of)
                        .toList(),
                query.count());
    }

    public FarmView get(UUID id) {
        return FarmView.of(Farm.require(id));
    }
}
