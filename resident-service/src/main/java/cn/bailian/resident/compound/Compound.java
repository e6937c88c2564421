package cn.bailian.resident.compound;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.util.UUID;

@Entity
public class Compound extends PanacheEntityBase {
    @Id
    public UUID id;

    public UUID communityId;
    public String name;

    @Enumerated(EnumType.STRING)
    public CompoundType type;

    @Version
    public long version;
}
