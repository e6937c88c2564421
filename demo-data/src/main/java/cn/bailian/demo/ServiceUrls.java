package cn.bailian.demo;

/** The base URLs of the four services (http://host:port, without /api/v1). */
public record ServiceUrls(String resident, String farm, String activity, String fund) {}
