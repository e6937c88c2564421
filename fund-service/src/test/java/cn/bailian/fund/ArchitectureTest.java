package cn.bailian.fund;

import cn.bailian.testkit.arch.ServiceArchitectureTest;

/** Holds fund-service to the platform's architecture rules (test-kit's {@code ArchitectureRules}). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("cn.bailian.fund");
    }
}
