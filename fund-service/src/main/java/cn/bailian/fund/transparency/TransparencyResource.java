package cn.bailian.fund.transparency;

import cn.bailian.kit.cache.PublicCached;
import cn.bailian.kit.paging.PageRequest;
import cn.bailian.kit.problem.ProblemException;
import cn.bailian.kit.time.CommunityClock;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Transparency", description = "The public monthly report of a fund; no login needed")
public class TransparencyResource {

    static final String PROBLEM = "application/problem+json";
    static final String CSV = "text/csv";
    /** The start of a report as TransparencyCsv writes it, for the OpenAPI document. */
    private static final String CSV_EXAMPLE = """
            基金 fund,白莲社区发展治理共享基金
            月份 month,2026-11
            币种 currency,CNY
            期初余额(分) openingBalanceFen,1250000
            捐赠收入(分) donationsFen,60000
            退款(分) refundsFen,0
            项目支出(分) spendingFen,150000
            期末余额(分) closingBalanceFen,1160000
            """;

    @Inject
    TransparencyService transparency;

    @Inject
    CommunityClock clock;

    @GET
    @Path("/funds/{fundId}/transparency")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @SecurityRequirementsSet // public: anonymous, or with a token
    @PublicCached // the same answer for everyone: no token, role or caller is looked at
    @Operation(
            operationId = "transparencyReport",
            summary = "Opening and closing balance, donations by channel and donor kind, spending by project and type, "
                    + "and the month's donations a page at a time (page, size) with their donors masked or anonymous, for one month (Asia/Shanghai). "
                    + "Public. Ask for text/csv to get the same as CSV.",
            description =
                    "某月（北京时间）的透明度报告：期初期末余额、按渠道和捐赠人类型的捐赠、按项目和类型的支出及逐笔捐赠（分页 page、size，捐赠人脱敏或匿名）；公开可查，Accept: text/csv 时返回 CSV。/ One month's transparency report (Asia/Shanghai): opening and closing balance, donations by channel and donor kind, spending by project and type, and the month's donations a page at a time (page, size; donationCount counts them all) with their donors masked or anonymous; public, as CSV with Accept: text/csv.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = TransparencyReport.class)),
                @Content(
                        mediaType = CSV,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        description = "UTF-8 with BOM, one section per table",
                                        example = CSV_EXAMPLE))
            })
    @APIResponse(responseCode = "400", description = "month is not YYYY-MM, or page or size out of range")
    @APIResponse(responseCode = "404", description = "FUND_NOT_FOUND")
    public Response report(
            @PathParam("fundId") UUID fundId,
            @QueryParam("month") String month,
            @BeanParam PageRequest page,
            @Context HttpHeaders headers) {
        YearMonth ym = month(month);
        TransparencyReport report = transparency.report(fundId, ym, page);
        if (!wantsCsv(headers)) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(TransparencyCsv.write(report), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"fund-" + fundId + "-" + ym + ".csv\"")
                .build();
    }

    /** JSON unless the client prefers CSV: a wildcard Accept (browsers, curl) gets JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && (type.getSubtype().equals("csv") || type.isWildcardSubtype())) {
                return true;
            }
            if (type.isWildcardType()) {
                return false;
            }
        }
        return false;
    }

    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(clock.today());
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
