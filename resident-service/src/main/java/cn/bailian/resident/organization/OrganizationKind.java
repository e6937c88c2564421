package cn.bailian.resident.organization;

/** 四社联动: social organisations, social enterprises, social-worker agencies, resident groups, units. */
public enum OrganizationKind {
    SOCIAL_ORGANISATION,
    SOCIAL_ENTERPRISE,
    SOCIAL_WORKER_AGENCY,
    RESIDENT_GROUP,
    UNIT
}
