package cn.bailian.fund.fund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "fund")
public class Fund extends PanacheEntityBase {

    public enum Kind {
        COMMUNITY,
        SPECIAL
    }

    /**
     * The chain head of a fund with no ledger entry yet: the first entry's previous hash. The fund row owns the head
     * (the ledger advances it under the fund's row lock), so its starting value lives here, not in the ledger.
     */
    public static final String GENESIS_HASH = "0".repeat(64);

    @Id
    public UUID id;

    public UUID communityId;
    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public long balanceFen;
    public long donatedFen;
    public long refundedFen;
    public long disbursedFen;
    public long ledgerSeq;
    public String ledgerHash;
    public Instant createdAt;
    public String createdBy;

    @Version
    public long version;
}
