package cn.bailian.activity.activity;

import cn.bailian.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
public class Activity extends PanacheEntityBase {

    public enum Category {
        EARLY_EDUCATION,
        SPORTS,
        BAKING,
        PAINTING,
        SANDTRAY,
        FARMING,
        SPECIMEN,
        CULTURE,
        MEETING,
        OTHER
    }

    public enum Model {
        PUBLIC_WELFARE,
        MARKET
    }

    public enum Status {
        DRAFT,
        PUBLISHED,
        CANCELLED
    }

    @Id
    public UUID id;

    public UUID communityId;
    public String title;
    public String description;

    @Enumerated(EnumType.STRING)
    public Category category;

    public UUID providerOrganizationId;

    @Enumerated(EnumType.STRING)
    public Model model;

    public long feeFen;
    public Integer minAge;
    public Integer maxAge;
    public boolean parentChild;
    public int capacity;
    // the database keeps these (enrollment trigger, session and waitlist statements); the entity only reads them
    @Column(insertable = false, updatable = false)
    public int confirmedCount;

    @Column(insertable = false, updatable = false)
    public int waitlistedCount;

    @Column(insertable = false, updatable = false)
    public OffsetDateTime firstSessionStartsAt;

    @Column(insertable = false, updatable = false)
    public OffsetDateTime lastSessionStartsAt;

    public OffsetDateTime enrollmentOpensAt;
    public OffsetDateTime enrollmentClosesAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    public OffsetDateTime publishedAt;
    public OffsetDateTime cancelledAt;
    public OffsetDateTime createdAt;

    @Version
    public long version;

    // DRAFT → PUBLISHED, either → CANCELLED; each transition checks the state it starts from.

    /** A draft with at least one session goes public: residents may enrol from then on. */
    public void publish(OffsetDateTime now) {
        if (status != Status.DRAFT) {
            throw ProblemException.conflict("ACTIVITY_NOT_DRAFT", status.name());
        }
        if (firstSessionStartsAt == null) {
            throw ProblemException.unprocessable("ACTIVITY_HAS_NO_SESSIONS");
        }
        status = Status.PUBLISHED;
        publishedAt = now;
    }

    /** A draft or published activity is cancelled (its enrollments and sessions follow, see ActivityCancelled). */
    public void cancel(OffsetDateTime now) {
        requireNotCancelled();
        status = Status.CANCELLED;
        cancelledAt = now;
    }

    public void requireNotCancelled() {
        if (status == Status.CANCELLED) {
            throw ProblemException.conflict("ACTIVITY_CANCELLED", id);
        }
    }

    /** Enrollment is open while the activity is published, from enrollmentOpensAt until (not including) it closes. */
    public void requireOpenForEnrollment(OffsetDateTime now) {
        requireNotCancelled();
        if (status != Status.PUBLISHED || now.isBefore(enrollmentOpensAt) || !now.isBefore(enrollmentClosesAt)) {
            throw ProblemException.unprocessable("ENROLLMENT_CLOSED", enrollmentOpensAt, enrollmentClosesAt);
        }
    }
}
