package cn.bailian.resident.compound;

/** 农转非安置小区, 驻区单位院落, 商品房小区. */
public enum CompoundType {
    RESETTLEMENT,
    INSTITUTIONAL,
    COMMERCIAL
}
