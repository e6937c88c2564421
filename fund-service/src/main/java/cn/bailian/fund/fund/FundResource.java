package cn.bailian.fund.fund;

import cn.bailian.kit.cache.PublicCached;
import cn.bailian.kit.etag.ETags;
import cn.bailian.kit.idempotency.Idempotent;
import cn.bailian.kit.paging.Page;
import cn.bailian.kit.paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funds", description = "A community's shared fund and its special funds")
public class FundResource {

    @Inject
    FundService funds;

    @POST
    @Path("/funds")
    @Operation(
            operationId = "createFund",
            summary = "Open a fund for a community (STAFF of the community, ADMIN)",
            description =
                    "社区工作人员或管理员为社区开设基金（共享基金或专项基金），金额单位为分，币种人民币。/ Staff of the community or ADMIN open a fund (the shared fund or a special fund) for a community; money in fen, CNY.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = FundApi.FundView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not staff of this community")
    @APIResponse(responseCode = "409", description = "COMMUNITY_FUND_EXISTS, FUND_NAME_TAKEN")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response create(@Valid @NotNull FundApi.CreateFund request) {
        Fund fund = funds.create(request);
        return Response.created(URI.create("/api/v1/funds/" + fund.id))
                .entity(FundApi.FundView.of(fund))
                .tag(ETags.of(fund.version))
                .build();
    }

    @GET
    @Path("/funds/{fundId}")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @PublicCached // the same answer for everyone: no token, role or caller is looked at
    @Operation(
            operationId = "getFund",
            summary = "A fund with its balance and totals (public: the same figures the transparency report shows)",
            description =
                    "基金及其余额和累计收支，与透明度报告数字一致；公开可查。/ A fund with its balance and totals, the same figures the transparency report shows; public.")
    @APIResponse(
            responseCode = "200",
            description = "The fund",
            content = @Content(schema = @Schema(implementation = FundApi.FundView.class)))
    @APIResponse(responseCode = "404", description = "FUND_NOT_FOUND")
    public Response get(@PathParam("fundId") UUID fundId) {
        Fund fund = funds.get(fundId);
        return Response.ok(FundApi.FundView.of(fund))
                .tag(ETags.of(fund.version))
                .build();
    }

    @GET
    @Path("/funds")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listFunds",
            summary = "Funds, optionally of one community (public)",
            description = "基金列表，可按社区筛选；公开可查。/ Funds, optionally of one community; public.")
    @APIResponse(responseCode = "200", description = "A page of funds")
    @APIResponse(responseCode = "400", description = "Bad paging parameters")
    public Page<FundApi.FundView> list(@QueryParam("communityId") UUID communityId, @BeanParam PageRequest page) {
        return funds.list(communityId, page);
    }
}
