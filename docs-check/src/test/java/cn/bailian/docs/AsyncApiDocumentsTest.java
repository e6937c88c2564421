package cn.bailian.docs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.testkit.AsyncApiContract;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The services' AsyncAPI documents are valid AsyncAPI 3.0.0, and every reference in them (also across files) resolves. */
class AsyncApiDocumentsTest {

    static final JsonSchema ASYNCAPI_3 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of("classpath:asyncapi/asyncapi-3.0.0.schema.json"));

    @Test
    void everyDocumentIsValidAsyncApi3WithReferencesThatResolve() {
        List<AsyncApiContract> documents = AsyncApiContract.all(IntegrationDocTest.ROOT);
        assertThat(documents)
                .as("AsyncAPI documents under %s", IntegrationDocTest.ROOT)
                .hasSize(IntegrationDocTest.services().size());
        for (AsyncApiContract document : documents) {
            assertThat(ASYNCAPI_3.validate(document.document()).stream()
                            .map(ValidationMessage::getMessage)
                            .toList())
                    .as("%s against the AsyncAPI 3.0.0 schema", document.file())
                    .isEmpty();
            assertThat(document.unresolvedRefs())
                    .as("$refs of %s", document.file())
                    .isEmpty();
        }
    }
}
