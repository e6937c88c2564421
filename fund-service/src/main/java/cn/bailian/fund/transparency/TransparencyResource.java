package cn.bailian.fund.transparency;

import cn.bailian.fund.Money;
import cn.bailian.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Transparency", description = "The public monthly report of a fund; no login needed")
public class TransparencyResource {

    static final String PROBLEM = "application/problem+json";
    static final String CSV = "text/csv";

    @Inject
    TransparencyService transparency;

    @GET
    @Path("/funds/{fundId}/transparency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transparencyReport", summary = "Opening and closing balance, donations by channel and donor kind, spending by project and type, "
            + "and every donation with its donor masked or anonymous, for one month (Asia/Shanghai). Public. Ask for text/csv to get the same as CSV.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransparencyReport.class)),
            @Content(mediaType = CSV)})
    @APIResponse(responseCode = "400", description = "month is not YYYY-MM", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "FUND_NOT_FOUND", content = @Content(mediaType = PROBLEM))
    public TransparencyReport json(@PathParam("fundId") UUID fundId, @QueryParam("month") String month) {
        return transparency.report(fundId, month(month));
    }

    @GET
    @Path("/funds/{fundId}/transparency")
    @Produces(CSV)
    @Operation(hidden = true)
    public Response csv(@PathParam("fundId") UUID fundId, @QueryParam("month") String month) {
        YearMonth ym = month(month);
        String body = TransparencyCsv.write(transparency.report(fundId, ym));
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"fund-" + fundId + "-" + ym + ".csv\"")
                .build();
    }

    private static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(Money.ZONE);
        }
        try {
            if (!month.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", month, 0);
            }
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("month", "Pattern", "a month as YYYY-MM");
        }
    }
}
