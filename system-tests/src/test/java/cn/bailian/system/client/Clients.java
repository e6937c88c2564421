package cn.bailian.system.client;

import cn.bailian.client.activity.api.ActivityApi;
import cn.bailian.client.farm.api.FarmApi;
import cn.bailian.client.fund.api.FundApi;
import cn.bailian.client.resident.api.ResidentApi;
import cn.bailian.system.Platform;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The four clients generated from the committed OpenAPI documents (module api-clients), pointed at the running
 * services and sending one caller's bearer token. The documents declare the bearer scheme, but the native
 * generator leaves authentication to the caller: a request interceptor adds the header.
 */
record Clients(ResidentApi resident, FarmApi farm, ActivityApi activity, FundApi fund) {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    static Clients as(String token) {
        Consumer<HttpRequest.Builder> auth = request -> request.header("Authorization", "Bearer " + token);
        Platform platform = Platform.get();
        return new Clients(
                new ResidentApi(new cn.bailian.client.resident.ApiClient(
                                HttpClient.newBuilder(),
                                cn.bailian.client.resident.ApiClient.createDefaultObjectMapper(),
                                platform.url("resident-service"))
                        .setRequestInterceptor(auth)
                        .setReadTimeout(TIMEOUT)),
                new FarmApi(new cn.bailian.client.farm.ApiClient(
                                HttpClient.newBuilder(),
                                cn.bailian.client.farm.ApiClient.createDefaultObjectMapper(),
                                platform.url("farm-service"))
                        .setRequestInterceptor(auth)
                        .setReadTimeout(TIMEOUT)),
                new ActivityApi(new cn.bailian.client.activity.ApiClient(
                                HttpClient.newBuilder(),
                                cn.bailian.client.activity.ApiClient.createDefaultObjectMapper(),
                                platform.url("activity-service"))
                        .setRequestInterceptor(auth)
                        .setReadTimeout(TIMEOUT)),
                new FundApi(new cn.bailian.client.fund.ApiClient(
                                HttpClient.newBuilder(),
                                cn.bailian.client.fund.ApiClient.createDefaultObjectMapper(),
                                platform.url("fund-service"))
                        .setRequestInterceptor(auth)
                        .setReadTimeout(TIMEOUT)));
    }
}
