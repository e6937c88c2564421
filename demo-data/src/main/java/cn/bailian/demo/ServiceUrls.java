package cn.bailian.demo;

/** The base URLs of the four services (http://host:port, without /api/v1). */
public record ServiceUrls(String resident, String farm, String activity, String fund) {

    public static ServiceUrls localhost(int residentPort, int farmPort, int activityPort, int fundPort) {
        return new ServiceUrls("http://localhost:" + residentPort, "http://localhost:" + farmPort,
                "http://localhost:" + activityPort, "http://localhost:" + fundPort);
    }
}
