package cn.bailian.resident.participation;

import cn.bailian.kit.event.CloudEvent;
import cn.bailian.kit.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** A named resident's donation on the participation record; anonymous donations credit no one. */
@ApplicationScoped
public class FundEventHandler implements EventHandler {

    @Inject
    ParticipationRecorder recorder;

    @Override
    public String topic() {
        return "bailian.fund.events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("cn.bailian.fund.donation.received.v1");
    }

    @Override
    public void handle(CloudEvent event) {
        if (event.data().path("anonymous").asBoolean(false)) {
            return;
        }
        // the amount is the donor's business; the record shows that they gave, and to which fund
        recorder.record(event, null, ParticipationRecorder.text(event.data(), "fundId"));
    }
}
