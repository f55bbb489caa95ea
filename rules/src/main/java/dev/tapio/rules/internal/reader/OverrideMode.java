package dev.tapio.rules.internal.reader;

/** What an {@code override:} entry does to its key. */
public enum OverrideMode {
  APPEND,
  REPLACE
}
