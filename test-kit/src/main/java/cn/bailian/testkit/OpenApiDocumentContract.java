package cn.bailian.testkit;

import org.junit.jupiter.api.Test;

/**
 * A service's OpenAPI contract, the same two checks for all four: the served document is the committed one, and it
 * is complete (operationIds, descriptions, examples, problem answers). A service's {@code OpenApiDocumentTest} is
 * this class with the service's {@code @QuarkusTest} annotations and nothing else.
 */
public abstract class OpenApiDocumentContract {

    @Test
    void servedDocumentIsTheCommittedOne() {
        OpenApiContract.assertServedDocumentIsCommitted();
    }

    @Test
    void documentIsACompleteContract() {
        OpenApiContract.assertDocumentIsComplete();
    }
}
