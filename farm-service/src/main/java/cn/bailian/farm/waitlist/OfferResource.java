package cn.bailian.farm.waitlist;

import cn.bailian.farm.claim.Claim;
import cn.bailian.farm.claim.ClaimResource.ClaimView;
import cn.bailian.farm.plot.Plot;
import cn.bailian.farm.resident.ResidentProjection;
import cn.bailian.farm.resident.Residents;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.security.Caller;
import io.quarkus.panache.common.Sort;
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
import java.time.OffsetDateTime;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offers", description = "空出地块的候补邀约 / Offers of freed plots")
public class OfferResource {

    private static final String PROBLEM = "application/problem+json";

    public record OfferView(UUID id, UUID plotId, @Schema(example = "A-03") String plotCode, UUID farmId, UUID residentId,
                            UUID waitlistEntryId, UUID lotteryId, @Schema(example = "PENDING") String status,
                            OffsetDateTime expiresAt, OffsetDateTime createdAt, OffsetDateTime decidedAt) {
        static OfferView of(Offer offer) {
            Plot plot = Plot.findById(offer.plotId);
            return new OfferView(offer.id, offer.plotId, plot == null ? null : plot.code, offer.farmId, offer.residentId,
                    offer.waitlistEntryId, offer.lotteryId, offer.status, offer.expiresAt, offer.createdAt, offer.decidedAt);
        }
    }

    @Inject
    Caller caller;
    @Inject
    Waitlists waitlists;
    @Inject
    Residents residents;

    @GET
    @Path("/offers/{id}")
    @Operation(operationId = "getOffer", summary = "One offer (its resident or STAFF) / 邀约详情",
            description = "单条空出地块的邀约；被邀约居民或社区工作人员可查。/ One offer of a freed plot; for its resident or staff of the community.")
    @APIResponse(responseCode = "200", description = "The offer", content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "403", description = "Not yours", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "OFFER_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    public OfferView get(@PathParam("id") UUID id) {
        Offer offer = Offer.require(id);
        caller.requireSelfOrStaff(offer.residentId, offer.communityId);
        return OfferView.of(offer);
    }

    @GET
    @Path("/offers")
    @Operation(operationId = "listOffers", summary = "A resident's offers, newest first (themselves or STAFF) / 我的邀约",
            description = "居民收到的邀约，最新在前；本人或社区工作人员可查。/ A resident's offers, newest first; for themselves or staff of the community.")
    @APIResponse(responseCode = "200", description = "A page of offers")
    @APIResponse(responseCode = "400", description = "residentId missing", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Not allowed", content = @Content(mediaType = PROBLEM))
    public Page<OfferView> list(@QueryParam("residentId") UUID residentId, @BeanParam PageRequest page) {
        if (residentId == null) {
            throw ProblemException.invalidField("residentId", "NotNull", "must not be null");
        }
        ResidentProjection resident = residents.find(residentId);
        caller.requireAuthenticated();
        if (!caller.isResident(residentId) && !caller.isAdmin() && !(resident != null && caller.isStaffOf(resident.communityId))) {
            throw ProblemException.forbidden();
        }
        var query = Offer.<Offer>find("residentId", Sort.descending("createdAt").and("id"), residentId);
        return page.page(query.page(page.page(), page.size()).list().stream().map(OfferView::of).toList(), query.count());
    }

    @POST
    @Path("/offers/{id}/accept")
    @Operation(operationId = "acceptOffer", summary = "Accept an offer before its deadline: the plot is claimed / 接受邀约",
            description = "在截止时间前接受邀约，地块即归其认领。/ Accept an offer before its deadline: the plot is claimed.")
    @APIResponse(responseCode = "201", description = "Claimed", content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "Not yours", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "OFFER_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "OFFER_NOT_PENDING, OFFER_EXPIRED or HOUSEHOLD_ALREADY_HAS_PLOT", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "RESIDENT_NOT_ELIGIBLE", content = @Content(mediaType = PROBLEM))
    public Response accept(@PathParam("id") UUID id) {
        Offer offer = Offer.require(id);
        caller.requireSelfOrStaff(offer.residentId, offer.communityId);
        Claim claim = waitlists.accept(id);
        return Response.created(URI.create("/api/v1/claims/" + claim.id)).entity(ClaimView.of(claim)).build();
    }

    @POST
    @Path("/offers/{id}/decline")
    @Operation(operationId = "declineOffer", summary = "Decline an offer: leave the list, the plot passes on / 放弃邀约",
            description = "放弃邀约：退出候补名单，地块邀约给下一位。/ Decline an offer: the resident leaves the list and the plot passes on.")
    @APIResponse(responseCode = "200", description = "Declined", content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "403", description = "Not yours", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "OFFER_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "OFFER_NOT_PENDING", content = @Content(mediaType = PROBLEM))
    public OfferView decline(@PathParam("id") UUID id) {
        Offer offer = Offer.require(id);
        caller.requireSelfOrStaff(offer.residentId, offer.communityId);
        return OfferView.of(waitlists.decline(id));
    }
}
