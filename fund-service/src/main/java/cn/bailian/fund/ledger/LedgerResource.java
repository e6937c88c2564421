package cn.bailian.fund.ledger;

import cn.bailian.fund.fund.FundService;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger", description = "The append-only, hash-chained double-entry ledger; public, so anyone can check it")
public class LedgerResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    Ledger ledger;

    @Inject
    FundService funds;

    @GET
    @Path("/funds/{fundId}/ledger")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listLedger",
            summary = "A fund's ledger entries in order (public; amounts and references, no personal data)",
            description =
                    "基金账本分录，按顺序排列，只含金额和凭证号，无个人信息；公开可查。/ A fund's ledger entries in order, amounts and references only, no personal data; public.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "400", description = "Bad paging parameters")
    @APIResponse(responseCode = "404", description = "FUND_NOT_FOUND")
    public Page<LedgerViews.EntryView> list(@PathParam("fundId") UUID fundId, @BeanParam PageRequest page) {
        funds.get(fundId);
        return ledger.list(fundId, page);
    }

    @GET
    @Path("/funds/{fundId}/ledger/verify")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "verifyLedger",
            summary =
                    "Recompute the hash chain and name the first entry that was changed, deleted or reordered (public)",
            description =
                    "重新计算哈希链，指出第一条被修改、删除或调换顺序的分录；公开可查。/ Recompute the hash chain and name the first entry that was changed, deleted or reordered; public.")
    @APIResponse(
            responseCode = "200",
            description = "The result",
            content = @Content(schema = @Schema(implementation = LedgerViews.Verification.class)))
    @APIResponse(responseCode = "404", description = "FUND_NOT_FOUND")
    public LedgerViews.Verification verify(@PathParam("fundId") UUID fundId) {
        return ledger.verify(funds.get(fundId));
    }
}
