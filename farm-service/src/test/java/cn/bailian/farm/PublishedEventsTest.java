package cn.bailian.farm;

import cn.bailian.testkit.AsyncApiContract;
import org.junit.jupiter.api.Test;

/**
 * farm-service's events against its AsyncAPI document (asyncapi/asyncapi.yaml). Deliberately not a
 * {@code @QuarkusTest}: JUnit runs plain tests after those, in the same JVM, so this reads every record the
 * module's tests made the service publish and holds each to the document.
 */
class PublishedEventsTest {

    @Test
    void examplesConformToTheirSchemas() {
        AsyncApiContract.own().assertExamplesConform();
    }

    @Test
    void everyEventTheServicePublishedInTheseTestsConforms() {
        AsyncApiContract.own().assertPublishedEventsConform();
    }
}
