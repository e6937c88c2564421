package cn.bailian.resident.resident;

public enum Gender {
    MALE,
    FEMALE
}
