package cn.bailian.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog. It stays UP while Kafka is away: the API still takes writes, and the
 * backlog drains when the broker returns; operators see the backlog and the relay's last error here.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.OutboxStats stats = relay.stats();
        HealthCheckResponseBuilder builder =
                HealthCheckResponse.named("outbox").up().withData("backlog", stats.backlog());
        if (stats.oldestPending() != null) {
            builder.withData("oldestPending", stats.oldestPending().toString());
        }
        if (stats.lastError() != null) {
            builder.withData("lastError", stats.lastError());
        }
        return builder.build();
    }
}
