package cn.bailian.resident.participation;

import cn.bailian.kit.event.CloudEvent;
import cn.bailian.kit.inbox.EventHandler;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** Plot claims and journal entries (a harvest counts more) on the participation record. */
@ApplicationScoped
public class FarmEventHandler implements EventHandler {

    static final String PLOT_CLAIMED = "cn.bailian.farm.plot.claimed.v1";
    static final String JOURNAL_RECORDED = "cn.bailian.farm.journal.recorded.v1";

    @Inject
    ParticipationRecorder recorder;

    @Override
    public String topic() {
        return "bailian.farm.events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PLOT_CLAIMED, JOURNAL_RECORDED);
    }

    @Override
    public void handle(CloudEvent event) {
        JsonNode data = event.data();
        if (JOURNAL_RECORDED.equals(event.type())) {
            String kind = ParticipationRecorder.text(data, "kind");
            String crop = ParticipationRecorder.text(data, "crop");
            recorder.record(event, kind, crop == null ? kind : kind + " " + crop);
        } else {
            recorder.record(event, null, ParticipationRecorder.text(data, "plotCode"));
        }
    }
}
