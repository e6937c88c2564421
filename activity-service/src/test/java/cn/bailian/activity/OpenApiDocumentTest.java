package cn.bailian.activity;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.OpenApiDocumentContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The served document is the committed contract and a complete one (test-kit's OpenApiDocumentContract). */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTest extends OpenApiDocumentContract {}
