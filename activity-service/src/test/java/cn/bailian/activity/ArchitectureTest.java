package cn.bailian.activity;

import cn.bailian.testkit.arch.ServiceArchitectureTest;

/** Holds activity-service to the platform's architecture rules (test-kit's {@code ArchitectureRules}). */
class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("cn.bailian.activity");
    }
}
