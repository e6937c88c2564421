package cn.bailian.farm.lottery;

import cn.bailian.farm.farm.Farm;
import cn.bailian.kit.idempotency.Idempotency;
import cn.bailian.kit.security.Caller;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lottery", description = "公开抽签 / Public lottery")
public class LotteryResource {

    private static final String PROBLEM = "application/problem+json";

    public record DrawLottery(
            @NotNull @Min(1) @Max(100) @Schema(description = "How many AVAILABLE plots to draw for", example = "3") Integer plotCount,
            @Schema(description = "Seed to publish; a random one when absent", example = "20260315") Long seed) {
    }

    public record WinnerView(UUID residentId, UUID plotId) {
    }

    public record LotteryView(UUID id, UUID farmId, UUID communityId, @Schema(example = "20260315") long seed,
                              @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String inputHash,
                              @Schema(description = "Resident ids in the order they were drawn from") List<UUID> inputResidentIds,
                              List<UUID> plotIds, List<WinnerView> winners, OffsetDateTime drawnAt) {
    }

    public record VerificationView(UUID lotteryId, @Schema(example = "20260315") long seed,
                                   @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String inputHash,
                                   @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String recomputedInputHash,
                                   List<WinnerView> winners, List<WinnerView> recomputedWinners,
                                   @Schema(example = "true") boolean matches) {
    }

    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    Lotteries lotteries;

    @POST
    @Path("/farms/{farmId}/lotteries")
    @Operation(operationId = "drawLottery", summary = "Draw plots among the waitlist with a published seed (STAFF) / 抽签",
            description = "社区工作人员在候补名单中公开抽签分配空闲地块；种子随结果公布，任何人都可复核。/ Staff of the community draw free plots among the waitlist; the seed is published with the result so anyone can re-run the draw.")
    @APIResponse(responseCode = "201", description = "Drawn; winners have offers", content = @Content(schema = @Schema(implementation = LotteryView.class)))
    @APIResponse(responseCode = "403", description = "Not staff of this community", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "FARM_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "NOT_ENOUGH_PLOTS or WAITLIST_EMPTY", content = @Content(mediaType = PROBLEM))
    public Response draw(@PathParam("farmId") UUID farmId, @Valid @NotNull DrawLottery request,
                         @HeaderParam(Idempotency.HEADER) String key) {
        caller.requireStaffOf(Farm.require(farmId).communityId);
        return idempotency.execute(key, "POST /farms/" + farmId + "/lotteries", request, () -> {
            Lottery lottery = lotteries.draw(farmId, request.plotCount(), request.seed(), caller.subject());
            return Response.created(URI.create("/api/v1/lotteries/" + lottery.id))
                    .entity(view(lotteries.verify(lottery.id))).build();
        });
    }

    @GET
    @Path("/lotteries/{id}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "getLottery", summary = "A recorded draw: seed, ordered inputs, winners (public) / 抽签记录",
            description = "一次抽签的记录：种子、有序的参与名单和中签者；公开可查。/ A recorded draw: its seed, the ordered entries and the winners; public.")
    @APIResponse(responseCode = "200", description = "The draw", content = @Content(schema = @Schema(implementation = LotteryView.class)))
    @APIResponse(responseCode = "404", description = "LOTTERY_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    public LotteryView get(@PathParam("id") UUID id) {
        return view(lotteries.verify(id));
    }

    @GET
    @Path("/lotteries/{id}/verify")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(operationId = "verifyLottery", summary = "Re-run the draw from its recorded inputs and compare (public) / 复核抽签",
            description = "按记录的输入重新抽签并与公布结果比对；公开可查。/ Re-run a draw from its recorded inputs and compare with the published winners; public.")
    @APIResponse(responseCode = "200", description = "The comparison", content = @Content(schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "404", description = "LOTTERY_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    public VerificationView verify(@PathParam("id") UUID id) {
        Lotteries.Verification v = lotteries.verify(id);
        return new VerificationView(v.lottery().id, v.lottery().seed, v.lottery().inputHash, v.recomputedInputHash(),
                winners(v.recorded()), winners(v.recomputed()), v.matches());
    }

    private static LotteryView view(Lotteries.Verification v) {
        Lottery l = v.lottery();
        return new LotteryView(l.id, l.farmId, l.communityId, l.seed, l.inputHash,
                v.candidates().stream().map(LotteryDraw.Candidate::residentId).toList(), v.plotIds(),
                winners(v.recorded()), l.drawnAt);
    }

    private static List<WinnerView> winners(List<LotteryDraw.Winner> winners) {
        return winners.stream().map(w -> new WinnerView(w.residentId(), w.plotId())).toList();
    }
}
