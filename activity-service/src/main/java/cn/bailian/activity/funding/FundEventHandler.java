package cn.bailian.activity.funding;

import cn.bailian.kit.event.CloudEvent;
import cn.bailian.kit.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/** A grant disbursed for an activity marks it as funded by the community fund. */
@ApplicationScoped
public class FundEventHandler implements EventHandler {

    public static final String TOPIC = "bailian.fund.events";
    static final String GRANT_DISBURSED = "cn.bailian.fund.grant.disbursed.v1";

    record GrantDisbursed(
            UUID disbursementId, UUID projectId, UUID fundId, UUID communityId, UUID activityId, Long amountFen) {}

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(GRANT_DISBURSED);
    }

    @Override
    public void handle(CloudEvent event) {
        GrantDisbursed grant = event.dataAs(GrantDisbursed.class);
        // grants for projects that are not about an activity are none of our business
        if (grant.activityId() == null
                || grant.disbursementId() == null
                || grant.amountFen() == null
                || grant.amountFen() <= 0) {
            return;
        }
        // keyed by disbursement: the same grant published twice under two event ids still counts once
        if (ActivityGrant.findById(grant.disbursementId()) != null) {
            return;
        }
        ActivityGrant row = new ActivityGrant();
        row.disbursementId = grant.disbursementId();
        row.activityId = grant.activityId();
        row.projectId = grant.projectId();
        row.fundId = grant.fundId();
        row.communityId = grant.communityId();
        row.amountFen = grant.amountFen();
        row.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.persist();
    }
}
