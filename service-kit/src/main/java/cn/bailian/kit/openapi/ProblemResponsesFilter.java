package cn.bailian.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Makes every service's OpenAPI document describe its errors the same way: a {@code Problem} schema
 * (RFC 9457 plus {@code code} and {@code errors[]}), every 4xx/5xx response of every operation typed as
 * {@code application/problem+json} with it, and the 400 and 500 every operation can answer.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "application/problem+json";
    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSchema(
                        "FieldError",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.OBJECT))
                                .description("One invalid field / 一个无效字段")
                                .addProperty("field", string("JSON path of the field", "phone"))
                                .addProperty("code", string("Stable code of the rule it broke", "Pattern"))
                                .addProperty("message", string("Localised message", "手机号格式不正确"))
                                .required(List.of("field", "code", "message")));
        openAPI.getComponents()
                .addSchema(
                        "Problem",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.OBJECT))
                                .description(
                                        "RFC 9457 problem details; title and detail in zh-CN, or English with Accept-Language: en")
                                .addProperty(
                                        "type",
                                        string("URI naming the problem type", "urn:bailian:problem:validation-failed"))
                                .addProperty("title", string("Short localised summary", "请求参数无效"))
                                .addProperty(
                                        "status",
                                        OASFactory.createSchema()
                                                .type(List.of(Schema.SchemaType.INTEGER))
                                                .examples(List.of(400)))
                                .addProperty("detail", string("Localised explanation", "请检查 errors 中列出的字段。"))
                                .addProperty("instance", string("The request path", "/api/v1/residents"))
                                .addProperty("code", string("Stable machine-readable code", "VALIDATION_FAILED"))
                                .addProperty(
                                        "errors",
                                        OASFactory.createSchema()
                                                .type(List.of(Schema.SchemaType.ARRAY))
                                                .items(OASFactory.createSchema()
                                                        .ref("#/components/schemas/FieldError")))
                                .required(List.of("type", "title", "status", "code")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(this::describeErrors));
    }

    private void describeErrors(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.getAPIResponse("400") == null) {
            responses.addAPIResponse("400", OASFactory.createAPIResponse().description("Invalid request / 请求无效"));
        }
        if (responses.getAPIResponse("500") == null) {
            responses.addAPIResponse("500", OASFactory.createAPIResponse().description("Unexpected error / 服务内部错误"));
        }
        Map<String, APIResponse> all = responses.getAPIResponses();
        all.forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getRef() == null) {
                Content content = OASFactory.createContent()
                        .addMediaType(
                                PROBLEM,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(REF)));
                response.setContent(content);
            }
        });
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .description(description)
                .examples(List.of(example));
    }
}
