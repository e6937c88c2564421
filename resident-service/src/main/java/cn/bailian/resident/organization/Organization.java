package cn.bailian.resident.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.util.UUID;

@Entity
public class Organization extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID communityId;
    public String name;

    @Enumerated(EnumType.STRING)
    public OrganizationKind kind;

    public String description;

    @Version
    public long version;
}
