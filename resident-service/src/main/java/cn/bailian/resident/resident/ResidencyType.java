package cn.bailian.resident.resident;

public enum ResidencyType {
    PERMANENT,
    FLOATING
}
