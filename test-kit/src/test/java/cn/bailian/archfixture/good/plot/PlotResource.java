package cn.bailian.archfixture.good.plot;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Fixture: the shape the rules ask for — a thin resource returning a record from a service. */
@Path("/plots")
public class PlotResource {
    PlotService service = new PlotService();

    @GET
    public PlotApi.PlotView get() {
        return service.view();
    }
}
