package cn.bailian.fund.donation;

import cn.bailian.fund.MoneyGate;
import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Donations", description = "Donations with receipts, and refunds as reversing entries")
public class DonationResource {

    @Inject
    DonationService donations;

    @Inject
    Idempotency idempotency;

    @Inject
    MoneyGate gate;

    @POST
    @Path("/funds/{fundId}/donations")
    @Operation(
            operationId = "recordDonation",
            summary =
                    "Book a donation and issue its receipt number (STAFF of the community, ADMIN, SERVICE for payment integrations). "
                            + "The same paymentReference again answers 200 with the donation already booked.",
            description =
                    "登记捐赠并按基金和年度连续编号开具收据（如 BL-2026-000123）；同一外部支付流水号只入账一次，重复提交返回 200 和已入账的捐赠。/ Book a donation and issue its gapless receipt number per fund and year (such as BL-2026-000123); one external payment reference books once, and sending it again answers 200 with the donation already booked.")
    @APIResponse(
            responseCode = "201",
            description = "Booked",
            content = @Content(schema = @Schema(implementation = DonationApi.DonationView.class)))
    @APIResponse(
            responseCode = "200",
            description = "This paymentReference was booked before; nothing new was booked",
            content = @Content(schema = @Schema(implementation = DonationApi.DonationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not staff of the fund's community")
    @APIResponse(responseCode = "404", description = "FUND_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description = "PAYMENT_REFERENCE_REUSED (same reference, other amount or channel), PROJECT_CLOSED")
    @APIResponse(responseCode = "422", description = "PROJECT_NOT_IN_FUND, IDEMPOTENCY_KEY_REUSED")
    public Response donate(
            @PathParam("fundId") UUID fundId,
            @Valid @NotNull DonationApi.CreateDonation request,
            @HeaderParam(Idempotency.HEADER) String key) {
        return gate.through(
                fundId,
                () -> idempotency.execute(key, "POST /funds/" + fundId + "/donations", request, () -> {
                    DonationService.Booked booked = donations.donate(fundId, request);
                    URI location =
                            URI.create("/api/v1/donations/" + booked.donation().id());
                    return booked.created()
                            ? Response.created(location)
                                    .entity(booked.donation())
                                    .build()
                            : Response.ok(booked.donation()).location(location).build();
                }));
    }

    @GET
    @Path("/funds/{fundId}/donations")
    @Operation(
            operationId = "listDonations",
            summary = "A fund's donations, newest first, with donor details (STAFF of the community, ADMIN)",
            description =
                    "基金的捐赠记录及捐赠人信息，最新在前；仅限社区工作人员或管理员。/ A fund's donations with donor details, newest first; staff of the community or ADMIN only.")
    @APIResponse(responseCode = "200", description = "A page of donations")
    @APIResponse(responseCode = "400", description = "Bad paging parameters")
    @APIResponse(responseCode = "403", description = "Not staff of the fund's community")
    @APIResponse(responseCode = "404", description = "FUND_NOT_FOUND")
    public Page<DonationApi.DonationView> list(@PathParam("fundId") UUID fundId, @BeanParam PageRequest page) {
        return donations.list(fundId, page);
    }

    @GET
    @Path("/donations/{donationId}")
    @Operation(
            operationId = "getDonation",
            summary = "One donation and its receipt (STAFF of the community, ADMIN, or the resident who gave it)",
            description =
                    "单笔捐赠及收据；社区工作人员、管理员或捐赠居民本人可查。/ One donation and its receipt; for staff of the community, ADMIN, or the resident who gave it.")
    @APIResponse(
            responseCode = "200",
            description = "The donation",
            content = @Content(schema = @Schema(implementation = DonationApi.DonationView.class)))
    @APIResponse(responseCode = "403", description = "Neither staff nor the donor")
    @APIResponse(responseCode = "404", description = "DONATION_NOT_FOUND")
    public DonationApi.DonationView get(@PathParam("donationId") UUID donationId) {
        return donations.get(donationId);
    }

    @POST
    @Path("/donations/{donationId}/refunds")
    @Operation(
            operationId = "refundDonation",
            summary =
                    "Give back all or part of a donation: a reversing ledger entry; the donation itself is never edited (STAFF of the community, ADMIN)",
            description =
                    "全额或部分退还捐赠：记一笔冲销账目，原捐赠记录永不修改。/ Give back all or part of a donation: a reversing ledger entry, the donation itself is never edited.")
    @APIResponse(
            responseCode = "201",
            description = "Refunded",
            content = @Content(schema = @Schema(implementation = DonationApi.RefundView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "DONATION_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "REFUND_EXCEEDS_DONATION, INSUFFICIENT_FUNDS")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    public Response refund(
            @PathParam("donationId") UUID donationId,
            @Valid @NotNull DonationApi.CreateRefund request,
            @HeaderParam(Idempotency.HEADER) String key) {
        return gate.through(
                donationId,
                () -> idempotency.execute(key, "POST /donations/" + donationId + "/refunds", request, () -> {
                    DonationApi.RefundView refund = donations.refund(donationId, request);
                    return Response.created(URI.create("/api/v1/donations/" + donationId))
                            .entity(refund)
                            .build();
                }));
    }
}
