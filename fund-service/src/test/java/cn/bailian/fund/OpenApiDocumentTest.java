package cn.bailian.fund;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.OpenApiContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTest {

    @Test
    void servedDocumentIsTheCommittedOne() {
        OpenApiContract.assertServedDocumentIsCommitted();
    }

    @Test
    void documentIsACompleteContract() {
        OpenApiContract.assertDocumentIsComplete();
    }
}
