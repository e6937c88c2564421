package cn.bailian.archfixture.good.plot;

/** Fixture: request/response records of the feature. */
public final class PlotApi {
    private PlotApi() {}

    public record PlotView(String code) {}
}
