package cn.bailian.farm.waitlist;

import cn.bailian.farm.claim.ClaimApi.ClaimView;
import cn.bailian.farm.waitlist.WaitlistApi.OfferView;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
@Tag(name = "Offers", description = "空出地块的候补邀约 / Offers of freed plots")
public class OfferResource {

    @Inject
    WaitlistService waitlists;

    @GET
    @Path("/offers/{id}")
    @Operation(
            operationId = "getOffer",
            summary = "One offer (its resident or STAFF) / 邀约详情",
            description =
                    "单条空出地块的邀约；被邀约居民或社区工作人员可查。/ One offer of a freed plot; for its resident or staff of the community.")
    @APIResponse(
            responseCode = "200",
            description = "The offer",
            content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "403", description = "Not yours")
    @APIResponse(responseCode = "404", description = "OFFER_NOT_FOUND")
    public OfferView get(@PathParam("id") UUID id) {
        return waitlists.getOffer(id);
    }

    @GET
    @Path("/offers")
    @Operation(
            operationId = "listOffers",
            summary = "A resident's offers, newest first (themselves or STAFF) / 我的邀约",
            description =
                    "居民收到的邀约，最新在前；本人或社区工作人员可查。/ A resident's offers, newest first; for themselves or staff of the community.")
    @APIResponse(responseCode = "200", description = "A page of offers")
    @APIResponse(responseCode = "400", description = "residentId missing")
    @APIResponse(responseCode = "403", description = "Not allowed")
    public Page<OfferView> list(@QueryParam("residentId") UUID residentId, @BeanParam PageRequest page) {
        return waitlists.offersOf(residentId, page);
    }

    @POST
    @Path("/offers/{id}/accept")
    @Operation(
            operationId = "acceptOffer",
            summary = "Accept an offer before its deadline: the plot is claimed / 接受邀约",
            description = "在截止时间前接受邀约，地块即归其认领。/ Accept an offer before its deadline: the plot is claimed.")
    @APIResponse(
            responseCode = "201",
            description = "Claimed",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "Not yours")
    @APIResponse(responseCode = "404", description = "OFFER_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "OFFER_NOT_PENDING, OFFER_EXPIRED or HOUSEHOLD_ALREADY_HAS_PLOT")
    @APIResponse(responseCode = "422", description = "RESIDENT_NOT_ELIGIBLE")
    @Idempotent
    public Response accept(@PathParam("id") UUID id) {
        ClaimView claim = waitlists.accept(id);
        return Response.created(URI.create("/api/v1/claims/" + claim.id()))
                .entity(claim)
                .build();
    }

    @POST
    @Path("/offers/{id}/decline")
    @Operation(
            operationId = "declineOffer",
            summary = "Decline an offer: leave the list, the plot passes on / 放弃邀约",
            description =
                    "放弃邀约：退出候补名单，地块邀约给下一位。/ Decline an offer: the resident leaves the list and the plot passes on.")
    @APIResponse(
            responseCode = "200",
            description = "Declined",
            content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "403", description = "Not yours")
    @APIResponse(responseCode = "404", description = "OFFER_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "OFFER_NOT_PENDING")
    public OfferView decline(@PathParam("id") UUID id) {
        return waitlists.decline(id);
    }
}
