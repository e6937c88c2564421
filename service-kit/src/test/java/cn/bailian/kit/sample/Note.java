package cn.bailian.kit.sample;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.util.UUID;

@Entity
public class Note extends PanacheEntityBase {
    @Id
    public UUID id;

    public String text;

    @Version
    public long version;
}
