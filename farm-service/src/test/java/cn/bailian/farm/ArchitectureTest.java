package cn.bailian.farm;

import cn.bailian.testkit.arch.ServiceArchitectureTest;

/** farm-service held to the shape every service is written in (test-kit's ArchitectureRules). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("cn.bailian.farm");
    }
}
