package cn.bailian.fund.disbursement;

import cn.bailian.fund.FundEvents;
import cn.bailian.fund.Locks;
import cn.bailian.fund.Money;
import cn.bailian.fund.fund.Fund;
import cn.bailian.fund.fund.FundService;
import cn.bailian.fund.ledger.Ledger;
import cn.bailian.fund.ledger.LedgerEntry;
import cn.bailian.fund.project.Project;
import cn.bailian.fund.project.ProjectService;
import cn.bailian.fund.resident.Directory;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DisbursementService {

    @Inject
    FundService funds;

    @Inject
    Ledger ledger;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    Directory directory;

    /**
     * Pays out of the fund for an approved project. The fund's row lock (then the project's) serialises every
     * payment of the fund, so the balance and remaining budget checked here are the ones the update writes;
     * the check constraints on both rows are the last line if this code were ever wrong.
     */
    @Transactional
    public DisbursementApi.DisbursementView disburse(UUID projectId, DisbursementApi.CreateDisbursement request) {
        Project project = ProjectService.find(projectId);
        caller.requireStaffOf(project.communityId);
        Payee payee = payee(request, project.communityId);
        Fund fund = funds.lock(project.fundId);
        project = Locks.forUpdate(em, Project.class, projectId);
        project.requireApproved();
        long amount = request.amountFen();
        if (amount > project.remainingBudgetFen()) {
            throw new ProblemException(
                    409,
                    "BUDGET_EXCEEDED",
                    List.of(),
                    Map.of("remainingBudgetFen", project.remainingBudgetFen()),
                    project.title,
                    project.remainingBudgetFen());
        }
        if (amount > fund.balanceFen) {
            throw new ProblemException(
                    409, "INSUFFICIENT_FUNDS", List.of(), Map.of("availableFen", fund.balanceFen), fund.balanceFen);
        }
        Instant now = Money.timestamp();
        Disbursement d = new Disbursement();
        d.id = UUID.randomUUID();
        d.projectId = projectId;
        d.fundId = fund.id;
        d.communityId = fund.communityId;
        d.amountFen = amount;
        d.payeeKind = payee.kind();
        d.payeeOrganizationId = payee.organizationId();
        d.payee = payee.name();
        d.purpose = request.purpose().strip();
        d.invoiceReference = request.invoiceReference().strip();
        d.disbursedAt = now;
        d.recordedBy = caller.subject();
        d.persist();
        project.disbursedFen += amount;
        ledger.append(
                fund,
                LedgerEntry.Kind.DISBURSEMENT,
                Ledger.GRANTS,
                Ledger.ASSET,
                amount,
                now,
                new Ledger.References(null, null, projectId, d.id));
        fund.disbursedFen += amount;
        fund.balanceFen -= amount;
        outbox.publish(
                FundEvents.GRANT_DISBURSED,
                d.id,
                new DisbursementApi.GrantDisbursed(
                        d.id, projectId, fund.id, fund.communityId, project.activityId, amount, Money.view(now)));
        return DisbursementApi.DisbursementView.of(d, true, project.remainingBudgetFen());
    }

    record Payee(Disbursement.PayeeKind kind, UUID organizationId, String name) {}

    /**
     * Who is paid: an organisation of the fund's community that fund-service knows (its registered name is kept with
     * the payment), or — marked INDIVIDUAL or OUTSIDE — a payee in free text. Checked before any lock is taken.
     */
    Payee payee(DisbursementApi.CreateDisbursement request, UUID communityId) {
        Disbursement.PayeeKind kind = request.payeeKind() != null
                ? request.payeeKind()
                : request.payeeOrganizationId() != null ? Disbursement.PayeeKind.ORGANIZATION : null;
        String text = request.payee() == null || request.payee().isBlank()
                ? null
                : request.payee().strip();
        if (kind == null) {
            throw ProblemException.unprocessable("PAYEE_KIND_MISMATCH", "(none)");
        }
        if (kind == Disbursement.PayeeKind.ORGANIZATION) {
            if (request.payeeOrganizationId() == null || text != null) {
                throw ProblemException.unprocessable("PAYEE_KIND_MISMATCH", kind);
            }
            return directory
                    .organization(request.payeeOrganizationId())
                    .filter(o -> o.communityId().equals(communityId))
                    .map(o -> new Payee(kind, o.organizationId(), o.name()))
                    .orElseThrow(() -> ProblemException.unprocessable(
                            "PAYEE_ORGANIZATION_UNKNOWN", request.payeeOrganizationId()));
        }
        if (request.payeeOrganizationId() != null || text == null) {
            throw ProblemException.unprocessable("PAYEE_KIND_MISMATCH", kind);
        }
        return new Payee(kind, null, text);
    }

    /** Public: amounts, payees and purposes; invoice numbers and bookers only for the community's staff. */
    public Page<DisbursementApi.DisbursementView> list(UUID projectId, PageRequest page) {
        Project project = ProjectService.find(projectId);
        boolean details = caller.isStaffOf(project.communityId);
        var query = Disbursement.<Disbursement>find(
                "projectId", Sort.by("disbursedAt").and("id"), projectId);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(d -> DisbursementApi.DisbursementView.of(d, details, null))
                        .toList(),
                query.count());
    }
}
