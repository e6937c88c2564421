package cn.bailian.resident.resident;

public enum GuardianRelation {
    FATHER,
    MOTHER,
    GRANDFATHER,
    GRANDMOTHER,
    OTHER
}
