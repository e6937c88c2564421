package cn.bailian.kit.problem;

/** One invalid field: its JSON path (e.g. {@code guardians[0].relation}), a stable code and a message. */
public record FieldError(String field, String code, String message) {}
