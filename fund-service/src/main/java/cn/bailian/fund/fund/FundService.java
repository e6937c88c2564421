package cn.bailian.fund.fund;

import cn.bailian.fund.Locks;
import cn.bailian.fund.Money;
import cn.bailian.kit.db.Constraints;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.UUID;

@ApplicationScoped
public class FundService {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Transactional
    public Fund create(FundApi.CreateFund request) {
        caller.requireStaffOf(request.communityId());
        if (request.kind() == Fund.Kind.COMMUNITY
                && Fund.count("communityId = ?1 and kind = ?2", request.communityId(), Fund.Kind.COMMUNITY) > 0) {
            throw ProblemException.conflict("COMMUNITY_FUND_EXISTS", request.communityId());
        }
        if (Fund.count(
                        "communityId = ?1 and name = ?2",
                        request.communityId(),
                        request.name().strip())
                > 0) {
            throw ProblemException.conflict("FUND_NAME_TAKEN", request.name().strip());
        }
        Fund fund = new Fund();
        fund.id = UUID.randomUUID();
        fund.communityId = request.communityId();
        fund.name = request.name().strip();
        fund.kind = request.kind();
        fund.ledgerHash = Fund.GENESIS_HASH;
        fund.createdAt = Money.timestamp();
        fund.createdBy = caller.subject();
        try {
            fund.persistAndFlush();
        } catch (PersistenceException race) {
            if (!Constraints.violated(race, "fund_one_community_fund")) {
                throw race;
            }
            // a parallel create got there first: the partial unique index decides
            throw ProblemException.conflict("COMMUNITY_FUND_EXISTS", request.communityId());
        }
        return fund;
    }

    public Fund get(UUID id) {
        Fund fund = Fund.findById(id);
        if (fund == null) {
            throw ProblemException.notFound("FUND_NOT_FOUND", id);
        }
        return fund;
    }

    /** The fund's row lock: every movement of money in one fund passes through it, one at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Fund lock(UUID id) {
        Fund fund = Locks.forUpdate(em, Fund.class, id);
        if (fund == null) {
            throw ProblemException.notFound("FUND_NOT_FOUND", id);
        }
        return fund;
    }

    public Page<FundApi.FundView> list(UUID communityId, PageRequest page) {
        var query = communityId == null
                ? Fund.<Fund>findAll(Sort.by("createdAt").and("id"))
                : Fund.<Fund>find("communityId", Sort.by("createdAt").and("id"), communityId);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(FundApi.FundView::of)
                        .toList(),
                query.count());
    }
}
