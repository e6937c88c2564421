package cn.bailian.farm.journal;

public enum JournalKind {
    SOWING,
    WATERING,
    FERTILISING,
    HARVEST,
    NOTE
}
