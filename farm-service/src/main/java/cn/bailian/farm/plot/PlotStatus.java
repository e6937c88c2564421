package cn.bailian.farm.plot;

public enum PlotStatus {
    AVAILABLE,
    CLAIMED,
    OFFERED,
    RESERVED_FOR_EDUCATION,
    MAINTENANCE
}
