package cn.bailian.demo;

import cn.bailian.client.activity.api.ActivityApi;
import cn.bailian.client.farm.api.FarmApi;
import cn.bailian.client.fund.api.FundApi;
import cn.bailian.client.resident.api.ResidentApi;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The four generated clients (module api-clients) pointed at the services, sending one caller's bearer token.
 * The documents declare the bearer scheme, but the native generator leaves authentication to the caller: a
 * request interceptor adds the header.
 */
record Apis(ResidentApi resident, FarmApi farm, ActivityApi activity, FundApi fund) {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static Apis as(ServiceUrls urls, String token) {
        Consumer<HttpRequest.Builder> auth = request -> request.header("Authorization", "Bearer " + token);
        return new Apis(
                new ResidentApi(new cn.bailian.client.resident.ApiClient(
                                HttpClient.newBuilder(),
                                cn.bailian.client.resident.ApiClient.createDefaultObjectMapper(),
                                urls.resident())
                        .setRequestInterceptor(auth)
                        .setReadTimeout(TIMEOUT)),
                new FarmApi(new cn.bailian.client.farm.ApiClient(
                                HttpClient.newBuilder(),
                                cn.bailian.client.farm.ApiClient.createDefaultObjectMapper(),
                                urls.farm())
                        .setRequestInterceptor(auth)
                        .setReadTimeout(TIMEOUT)),
                new ActivityApi(new cn.bailian.client.activity.ApiClient(
                                HttpClient.newBuilder(),
                                cn.bailian.client.activity.ApiClient.createDefaultObjectMapper(),
                                urls.activity())
                        .setRequestInterceptor(auth)
                        .setReadTimeout(TIMEOUT)),
                new FundApi(new cn.bailian.client.fund.ApiClient(
                                HttpClient.newBuilder(),
                                cn.bailian.client.fund.ApiClient.createDefaultObjectMapper(),
                                urls.fund())
                        .setRequestInterceptor(auth)
                        .setReadTimeout(TIMEOUT)));
    }
}
