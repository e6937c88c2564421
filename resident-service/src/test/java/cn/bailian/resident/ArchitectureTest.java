package cn.bailian.resident;

import cn.bailian.testkit.arch.ServiceArchitectureTest;

/** resident-service held to the layering and naming every service follows (plain JUnit, no Quarkus boot). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("cn.bailian.resident");
    }
}
