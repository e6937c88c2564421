package cn.bailian.archfixture.good.plot;

/** Fixture: the service layer. */
public class PlotService {
    PlotApi.PlotView view() {
        return new PlotApi.PlotView("A-01");
    }
}
