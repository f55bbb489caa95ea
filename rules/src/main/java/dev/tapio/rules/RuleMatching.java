package dev.tapio.rules;

/** Which matches raise alerts: the first rule in definition order, or every matching rule. */
public enum RuleMatching {
  FIRST,
  ALL
}
