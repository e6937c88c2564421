package cn.bailian.fund.project;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/** Ends public notice periods: a project whose 公示 ended with no pending or upheld objection is approved. */
@ApplicationScoped
public class NoticeScheduler {

    private static final Logger LOG = Logger.getLogger(NoticeScheduler.class);

    @Inject
    ProjectService projects;

    @Scheduled(
            every = "${fund.notice-check-every}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        approveEndedNotices(Instant.now());
    }

    /** One transaction per project, so one failing project does not hold back the others. */
    public int approveEndedNotices(Instant now) {
        int approved = 0;
        for (UUID id : projects.noticeDue(now)) {
            try {
                if (projects.approveIfNoticeEnded(id, now)) {
                    approved++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "notice end of project %s not applied; next run retries", id);
            }
        }
        return approved;
    }
}
