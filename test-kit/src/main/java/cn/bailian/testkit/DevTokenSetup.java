package cn.bailian.testkit;

/**
 * Runs before DevTokens mints a token, found through {@link java.util.ServiceLoader}. The system tests start their
 * platform here: its Keycloak decides the issuer and key id of every token, and a test may well mint its first
 * token (an argument evaluated before the call that would start the platform) before anything else ran.
 */
public interface DevTokenSetup {

    void beforeMinting();
}
