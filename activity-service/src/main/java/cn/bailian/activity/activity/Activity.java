package cn.bailian.activity.activity;

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

    public enum Category { EARLY_EDUCATION, SPORTS, BAKING, PAINTING, SANDTRAY, FARMING, SPECIMEN, CULTURE, MEETING, OTHER }

    public enum Model { PUBLIC_WELFARE, MARKET }

    public enum Status { DRAFT, PUBLISHED, CANCELLED }

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
}
