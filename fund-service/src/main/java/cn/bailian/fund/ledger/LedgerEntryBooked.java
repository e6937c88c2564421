package cn.bailian.fund.ledger;

/**
 * Fired (synchronously, inside the booking transaction) for every entry {@link Ledger#append} books, so figures
 * derived from the ledger (the transparency report's monthly figures) change in the same commit as the entry.
 */
public record LedgerEntryBooked(LedgerEntry entry) {}
