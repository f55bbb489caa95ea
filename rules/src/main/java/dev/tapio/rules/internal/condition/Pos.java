package dev.tapio.rules.internal.condition;

/** Where a node starts in the text it was parsed from (0-based offset). */
public record Pos(Origin origin, int offset) {}
