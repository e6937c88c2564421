package cn.bailian.activity.resident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.UUID;

/** An organisation known from resident-service's organization.registered events: course providers, bookers. */
@Entity
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID communityId;
    public String name;
    public String kind;
}
