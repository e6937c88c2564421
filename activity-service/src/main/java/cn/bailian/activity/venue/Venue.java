package cn.bailian.activity.venue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
public class Venue extends PanacheEntityBase {

    public enum Kind {
        ROOM,
        MEETING_ROOM,
        ACTIVITY_AREA,
        BOOTH,
        ROOFTOP
    }

    @Id
    public UUID id;

    public UUID communityId;
    public String name;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    public int capacity;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "venue_opening_hours", joinColumns = @JoinColumn(name = "venue_id"))
    @OrderBy("dayOfWeek, opens")
    public List<OpeningHours> openingHours = new ArrayList<>();

    public OffsetDateTime createdAt;

    @Version
    public long version;
}
