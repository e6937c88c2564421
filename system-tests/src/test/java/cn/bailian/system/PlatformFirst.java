package cn.bailian.system;

import cn.bailian.testkit.DevTokenSetup;

/** The platform (and its Keycloak, whose issuer and key id every token carries) is up before a token is minted. */
public final class PlatformFirst implements DevTokenSetup {

    @Override
    public void beforeMinting() {
        Platform.get();
    }
}
