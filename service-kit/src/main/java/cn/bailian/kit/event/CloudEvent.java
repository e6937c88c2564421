package cn.bailian.kit.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as it travels on our topics.
 * {@code subject} is the aggregate id and doubles as the Kafka key, so one aggregate's events stay in order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** The CloudEvents source of every event a service publishes (the outbox sets it). */
    public static String sourceOf(String serviceName) {
        return "/bailian/" + serviceName;
    }

    /** The payload read into a consumer's own record; fields it does not know are ignored. */
    public <T> T dataAs(Class<T> type) {
        return EventJson.convert(data, type);
    }
}
