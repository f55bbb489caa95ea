package dev.tapio.app.reload;

/** What one reload did. */
public sealed interface ReloadResult {

  /** The files are as they were loaded last: nothing swapped. */
  record Unchanged(String hash) implements ReloadResult {}

  /** New rules are live. */
  record Reloaded(RuleBase rules) implements ReloadResult {}

  /** The files do not load; the previous rules stay live. {@code report} says where and why. */
  record Failed(String report) implements ReloadResult {}
}
