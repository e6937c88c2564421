package cn.bailian.fund;

/**
 * The CloudEvent types fund-service publishes on {@code bailian.fund.events} (asyncapi/asyncapi.yaml), in one place:
 * every publisher and every test names them from here.
 */
public final class FundEvents {

    public static final String DONATION_RECEIVED = "cn.bailian.fund.donation.received.v1";
    public static final String DONATION_REFUNDED = "cn.bailian.fund.donation.refunded.v1";
    public static final String PROJECT_PROPOSED = "cn.bailian.fund.project.proposed.v1";
    public static final String PROJECT_NOTICE_STARTED = "cn.bailian.fund.project.notice-started.v1";
    public static final String PROJECT_APPROVED = "cn.bailian.fund.project.approved.v1";
    public static final String PROJECT_COMPLETED = "cn.bailian.fund.project.completed.v1";
    public static final String GRANT_DISBURSED = "cn.bailian.fund.grant.disbursed.v1";

    private FundEvents() {}
}
