package cn.bailian.fund.disbursement;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Disbursements",
        description = "Payments out of the fund for approved projects, never beyond the balance or the budget")
public class DisbursementResource {

    @Inject
    DisbursementService disbursements;

    @Inject
    Idempotency idempotency;

    @Inject
    MoneyGate gate;

    @POST
    @Path("/projects/{projectId}/disbursements")
    @Operation(
            operationId = "disburse",
            summary =
                    "Pay for an APPROVED project (STAFF of the community, ADMIN); send an Idempotency-Key so a retry never pays twice",
            description =
                    "为已批准项目拨款；余额不足时返回 409，并发拨款也不会使余额为负。请携带 Idempotency-Key，重试不会重复付款。/ Pay for an APPROVED project; 409 if the balance is short, and concurrent payments never take it below zero. Send an Idempotency-Key so a retry never pays twice.")
    @APIResponse(
            responseCode = "201",
            description = "Paid",
            content = @Content(schema = @Schema(implementation = DisbursementApi.DisbursementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not staff of the community")
    @APIResponse(responseCode = "404", description = "PROJECT_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description =
                    "PROJECT_NOT_APPROVED, INSUFFICIENT_FUNDS (availableFen), BUDGET_EXCEEDED (remainingBudgetFen)")
    @APIResponse(
            responseCode = "422",
            description = "PAYEE_KIND_MISMATCH, PAYEE_ORGANIZATION_UNKNOWN, IDEMPOTENCY_KEY_REUSED")
    public Response disburse(
            @PathParam("projectId") UUID projectId,
            @Valid @NotNull DisbursementApi.CreateDisbursement request,
            @HeaderParam(Idempotency.HEADER) String key) {
        return gate.through(
                projectId,
                () -> idempotency.execute(key, "POST /projects/" + projectId + "/disbursements", request, () -> {
                    DisbursementApi.DisbursementView d = disbursements.disburse(projectId, request);
                    return Response.created(URI.create("/api/v1/projects/" + projectId + "/disbursements"))
                            .entity(d)
                            .build();
                }));
    }

    @GET
    @Path("/projects/{projectId}/disbursements")
    @SecurityRequirementsSet // public: anonymous, or with a token
    @Operation(
            operationId = "listDisbursements",
            summary = "A project's payments (public; invoice numbers for the community's staff only)",
            description =
                    "项目的拨款记录；公开可查，发票号仅对本社区工作人员显示。/ A project's payments; public, invoice numbers for the community's staff only.")
    @APIResponse(responseCode = "200", description = "A page of payments")
    @APIResponse(responseCode = "400", description = "Bad paging parameters")
    @APIResponse(responseCode = "404", description = "PROJECT_NOT_FOUND")
    public Page<DisbursementApi.DisbursementView> list(
            @PathParam("projectId") UUID projectId, @BeanParam PageRequest page) {
        return disbursements.list(projectId, page);
    }
}
