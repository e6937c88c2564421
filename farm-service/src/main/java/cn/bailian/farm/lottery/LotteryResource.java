package cn.bailian.farm.lottery;

import cn.bailian.farm.lottery.LotteryApi.DrawLottery;
import cn.bailian.farm.lottery.LotteryApi.LotteryView;
import cn.bailian.farm.lottery.LotteryApi.VerificationView;
import cn.bailian.kit.idempotency.Idempotent;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lottery", description = "公开抽签 / Public lottery")
public class LotteryResource {
    @Inject
    LotteryService lotteries;

    @POST
    @Path("/farms/{farmId}/lotteries")
    @Operation(
            operationId = "drawLottery",
            summary = "Draw plots among the waitlist with a published seed (STAFF) / 抽签",
            description =
                    "社区工作人员在候补名单中公开抽签分配空闲地块；种子随结果公布，任何人都可复核。/ Staff of the community draw free plots among the waitlist; the seed is published with the result so anyone can re-run the draw.")
    @APIResponse(
            responseCode = "201",
            description = "Drawn; winners have offers",
            content = @Content(schema = @Schema(implementation = LotteryView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community")
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND")
    @APIResponse(responseCode = "422", description = "NOT_ENOUGH_PLOTS or WAITLIST_EMPTY")
    @Idempotent
    public Response draw(@PathParam("farmId") UUID farmId, @Valid @NotNull DrawLottery request) {
        LotteryView lottery =
                LotteryView.of(lotteries.verify(lotteries.draw(farmId, request.plotCount(), request.seed()).id));
        return Response.created(URI.create("/api/v1/lotteries/" + lottery.id()))
                .entity(lottery)
                .build();
    }

    @GET
    @Path("/lotteries/{id}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "getLottery",
            summary = "A recorded draw: seed, ordered inputs, winners (public) / 抽签记录",
            description =
                    "一次抽签的记录：种子、有序的参与名单和中签者；公开可查。/ A recorded draw: its seed, the ordered entries and the winners; public.")
    @APIResponse(
            responseCode = "200",
            description = "The draw",
            content = @Content(schema = @Schema(implementation = LotteryView.class)))
    @APIResponse(responseCode = "404", description = "LOTTERY_NOT_FOUND")
    public LotteryView get(@PathParam("id") UUID id) {
        return LotteryView.of(lotteries.verify(id));
    }

    @GET
    @Path("/lotteries/{id}/verify")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "verifyLottery",
            summary = "Re-run the draw from its recorded inputs and compare (public) / 复核抽签",
            description =
                    "按记录的输入重新抽签并与公布结果比对；公开可查。/ Re-run a draw from its recorded inputs and compare with the published winners; public.")
    @APIResponse(
            responseCode = "200",
            description = "The comparison",
            content = @Content(schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "404", description = "LOTTERY_NOT_FOUND")
    public VerificationView verify(@PathParam("id") UUID id) {
        return VerificationView.of(lotteries.verify(id));
    }
}
