package cn.bailian.fund.disbursement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** Money paid out of a fund for an approved project. Never changed or deleted (a trigger enforces it). */
@Entity
@Immutable
@Table(name = "disbursement")
public class Disbursement extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID projectId;
    public UUID fundId;
    public UUID communityId;
    public long amountFen;
    /** Who was paid: an organisation the fund knows, or free text for an individual or an outside payee. */
    public enum PayeeKind {
        ORGANIZATION,
        INDIVIDUAL,
        OUTSIDE
    }

    @Enumerated(EnumType.STRING)
    public PayeeKind payeeKind;
    /** The organisation paid (ORGANIZATION only). */
    public UUID payeeOrganizationId;
    /** The organisation's registered name when paid, or the free text of an individual or outside payee. */
    public String payee;

    public String purpose;
    public String invoiceReference;
    public Instant disbursedAt;
    public String recordedBy;
}
