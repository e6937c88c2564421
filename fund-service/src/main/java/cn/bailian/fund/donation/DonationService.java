package cn.bailian.fund.donation;

import cn.bailian.fund.FundConfig;
import cn.bailian.fund.FundEvents;
import cn.bailian.fund.Locks;
import cn.bailian.fund.Money;
import cn.bailian.fund.fund.Fund;
import cn.bailian.fund.fund.FundService;
import cn.bailian.fund.ledger.Ledger;
import cn.bailian.fund.ledger.LedgerEntry;
import cn.bailian.fund.project.Project;
import cn.bailian.fund.resident.Directory;
import cn.bailian.kit.outbox.Outbox;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.pii.Masking;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import cn.bailian.kit.security.Roles;
import cn.bailian.kit.time.CommunityClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class DonationService {

    static final String ANONYMOUS_NAME = "匿名";

    @Inject
    FundService funds;

    @Inject
    Ledger ledger;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Directory directory;

    @Inject
    EntityManager em;

    @Inject
    FundConfig config;

    @Inject
    CommunityClock clock;

    public record Booked(DonationApi.DonationView donation, boolean created) {}

    /**
     * Books a donation: receipt number, ledger entry, balance, event, all in one transaction under the fund's
     * row lock. A payment reference already booked in this fund answers with that donation and books nothing;
     * the lock makes a parallel duplicate wait and then see the first one.
     */
    @Transactional
    public Booked donate(UUID fundId, DonationApi.CreateDonation request) {
        Fund fund = funds.get(fundId);
        // staff record cash and transfers; a payment integration (SERVICE) records online payments
        if (!caller.is(Roles.SERVICE)) {
            caller.requireStaffOf(fund.communityId);
        }
        boolean anonymous =
                request.donorKind() == Donation.DonorKind.ANONYMOUS || Boolean.TRUE.equals(request.anonymous());
        if (request.donorKind() == Donation.DonorKind.ANONYMOUS && Boolean.FALSE.equals(request.anonymous())) {
            throw ProblemException.invalidField("anonymous", "AssertTrue", "an ANONYMOUS donor is always anonymous");
        }
        if ((request.donorKind() == Donation.DonorKind.RESIDENT
                        || request.donorKind() == Donation.DonorKind.ORGANIZATION)
                && request.donorId() == null) {
            throw ProblemException.invalidField("donorId", "NotNull", "required for RESIDENT and ORGANIZATION donors");
        }
        String displayName = displayName(request, anonymous);
        String reference = request.paymentReference().strip();

        fund = funds.lock(fundId);
        Donation existing = Donation.<Donation>find("fundId = ?1 and paymentReference = ?2", fundId, reference)
                .firstResult();
        if (existing != null) {
            if (existing.amountFen != request.amountFen() || existing.channel != request.channel()) {
                throw ProblemException.conflict("PAYMENT_REFERENCE_REUSED", reference, existing.receiptNumber);
            }
            return new Booked(DonationApi.DonationView.of(existing), false);
        }
        Project project = null;
        if (request.projectId() != null) {
            project = Locks.forUpdate(em, Project.class, request.projectId());
            if (project == null || !project.fundId.equals(fundId)) {
                throw ProblemException.unprocessable("PROJECT_NOT_IN_FUND", request.projectId());
            }
            project.requireOpenForDonations();
        }

        Instant now = Money.timestamp();
        int year = clock.dateOf(now).getYear();
        long seq = nextReceiptSeq(fundId, year);
        Donation donation = new Donation();
        donation.id = UUID.randomUUID();
        donation.fundId = fundId;
        donation.communityId = fund.communityId;
        donation.donorKind = request.donorKind();
        donation.donorId = request.donorId();
        donation.displayName = displayName;
        donation.anonymous = anonymous;
        donation.amountFen = request.amountFen();
        donation.channel = request.channel();
        donation.paymentReference = reference;
        donation.projectId = request.projectId();
        donation.receiptYear = year;
        donation.receiptSeq = seq;
        donation.receiptNumber = String.format("%s-%d-%06d", config.receiptPrefix(), year, seq);
        donation.receivedAt = now;
        donation.recordedBy = caller.subject();
        donation.persist();
        if (project != null) {
            project.earmarkedFen = Math.addExact(project.earmarkedFen, donation.amountFen);
        }
        ledger.append(
                fund,
                LedgerEntry.Kind.DONATION,
                Ledger.ASSET,
                Ledger.DONATIONS,
                donation.amountFen,
                now,
                new Ledger.References(donation.id, null, donation.projectId, null));
        fund.donatedFen = Math.addExact(fund.donatedFen, donation.amountFen);
        fund.balanceFen = Math.addExact(fund.balanceFen, donation.amountFen);

        UUID publicDonor = anonymous ? null : donation.donorId;
        UUID residentId = !anonymous && donation.donorKind == Donation.DonorKind.RESIDENT ? donation.donorId : null;
        outbox.publish(
                FundEvents.DONATION_RECEIVED,
                donation.id,
                new DonationApi.DonationReceived(
                        donation.id,
                        fundId,
                        fund.communityId,
                        donation.donorKind,
                        publicDonor,
                        residentId,
                        anonymous,
                        displayName,
                        donation.amountFen,
                        donation.channel,
                        donation.projectId,
                        donation.receiptNumber,
                        Money.view(now)));
        return new Booked(DonationApi.DonationView.of(donation), true);
    }

    /** The counter row stays locked until commit, and a rollback returns the number: no gaps. */
    private long nextReceiptSeq(UUID fundId, int year) {
        Number seq = (Number) em.createNativeQuery("""
                        insert into receipt_counter (fund_id, year, last_seq) values (?1, ?2, 1)
                        on conflict (fund_id, year) do update set last_seq = receipt_counter.last_seq + 1
                        returning last_seq""")
                .setParameter(1, fundId)
                .setParameter(2, year)
                .getSingleResult();
        return seq.longValue();
    }

    private String displayName(DonationApi.CreateDonation request, boolean anonymous) {
        if (anonymous) {
            return ANONYMOUS_NAME;
        }
        String given = request.displayName() == null || request.displayName().isBlank() ? null : request.displayName();
        if (given == null && request.donorKind() == Donation.DonorKind.RESIDENT) {
            given = directory
                    .resident(request.donorId())
                    .map(Directory.KnownResident::displayName)
                    .orElse(null);
        }
        if (given == null && request.donorKind() == Donation.DonorKind.ORGANIZATION) {
            given = directory
                    .organization(request.donorId())
                    .map(Directory.KnownOrganization::name)
                    .orElse(null);
        }
        if (given == null) {
            throw ProblemException.invalidField(
                    "displayName", "NotBlank", "required unless the donor is anonymous or known");
        }
        return Masking.name(given);
    }

    @Transactional
    public DonationApi.RefundView refund(UUID donationId, DonationApi.CreateRefund request) {
        Donation donation = find(donationId);
        caller.requireStaffOf(donation.communityId);
        Fund fund = funds.lock(donation.fundId);
        em.refresh(donation);
        long refundable = donation.amountFen - donation.refundedFen;
        if (request.amountFen() > refundable) {
            throw ProblemException.conflict("REFUND_EXCEEDS_DONATION", donation.receiptNumber, refundable);
        }
        if (request.amountFen() > fund.balanceFen) {
            throw new ProblemException(
                    409,
                    "INSUFFICIENT_FUNDS",
                    java.util.List.of(),
                    java.util.Map.of("availableFen", fund.balanceFen),
                    fund.balanceFen);
        }
        Instant now = Money.timestamp();
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.donationId = donation.id;
        refund.fundId = fund.id;
        refund.communityId = fund.communityId;
        refund.amountFen = request.amountFen();
        refund.reason = request.reason().strip();
        refund.refundedAt = now;
        refund.recordedBy = caller.subject();
        refund.persist();
        donation.refundedFen += refund.amountFen;
        if (donation.projectId != null) {
            Project project = Locks.forUpdate(em, Project.class, donation.projectId);
            project.earmarkedFen = Math.max(0, project.earmarkedFen - refund.amountFen);
        }
        ledger.append(
                fund,
                LedgerEntry.Kind.REFUND,
                Ledger.DONATIONS,
                Ledger.ASSET,
                refund.amountFen,
                now,
                new Ledger.References(donation.id, refund.id, donation.projectId, null));
        fund.refundedFen += refund.amountFen;
        fund.balanceFen -= refund.amountFen;
        UUID residentId =
                !donation.anonymous && donation.donorKind == Donation.DonorKind.RESIDENT ? donation.donorId : null;
        outbox.publish(
                FundEvents.DONATION_REFUNDED,
                refund.id,
                new DonationApi.DonationRefunded(
                        refund.id,
                        donation.id,
                        fund.id,
                        fund.communityId,
                        refund.amountFen,
                        residentId,
                        Money.view(now)));
        return new DonationApi.RefundView(
                refund.id,
                donation.id,
                fund.id,
                refund.amountFen,
                refund.reason,
                Money.view(now),
                refund.recordedBy,
                donation.refundedFen);
    }

    /** Staff of the community see every donation; a resident sees their own. */
    public DonationApi.DonationView get(UUID donationId) {
        Donation donation = find(donationId);
        boolean ownDonation = donation.donorKind == Donation.DonorKind.RESIDENT && caller.isResident(donation.donorId);
        if (!ownDonation) {
            caller.requireStaffOf(donation.communityId);
        }
        return DonationApi.DonationView.of(donation);
    }

    public Page<DonationApi.DonationView> list(UUID fundId, PageRequest page) {
        Fund fund = funds.get(fundId);
        caller.requireStaffOf(fund.communityId);
        var query = Donation.<Donation>find(
                "fundId", Sort.by("receivedAt").descending().and("id"), fundId);
        return page.page(
                query.page(page.page(), page.size()).list().stream()
                        .map(DonationApi.DonationView::of)
                        .toList(),
                query.count());
    }

    private static Donation find(UUID id) {
        Donation donation = Donation.findById(id);
        if (donation == null) {
            throw ProblemException.notFound("DONATION_NOT_FOUND", id);
        }
        return donation;
    }
}
