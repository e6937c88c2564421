package cn.bailian.resident.resident;

public enum ResidentStatus {
    ACTIVE,
    MOVED_OUT
}
