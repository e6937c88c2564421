package cn.bailian.resident.resident;

public enum RelationToHead {
    SELF,
    SPOUSE,
    CHILD,
    PARENT,
    GRANDPARENT,
    GRANDCHILD,
    SIBLING,
    OTHER
}
