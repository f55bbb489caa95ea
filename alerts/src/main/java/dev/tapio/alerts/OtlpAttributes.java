package dev.tapio.alerts;

/**
 * The attribute keys of an alert's OTLP log record, besides every output field under its Falco
 * name. Where an output field and a semantic-convention key share a name ({@code container.id},
 * {@code user.name}, {@code k8s.pod.name}), the semantic-convention value wins: {@code
 * container.id} is the full id, not Falco's 12-character short one.
 */
public final class OtlpAttributes {
  /** The log record's event name. */
  public static final String EVENT_NAME = "tapio.alert";

  public static final String ALERT_ID = "tapio.alert.id";
  public static final String RULE = "tapio.rule";
  public static final String PRIORITY = "tapio.priority";
  public static final String TAGS = "tapio.tags";
  public static final String SOURCE = "tapio.source";
  public static final String EVENT_TYPE = "tapio.event.type";

  /** MITRE ATT&amp;CK technique ids among the tags ({@code T1059}, {@code T1059.004}). */
  public static final String MITRE_TECHNIQUES = "tapio.mitre.techniques";

  /** MITRE ATT&amp;CK tactics among the tags ({@code mitre_execution} gives {@code execution}). */
  public static final String MITRE_TACTICS = "tapio.mitre.tactics";

  public static final String SECURITY_RULE_NAME = "security_rule.name";
  public static final String SECURITY_RULE_UUID = "security_rule.uuid";
  public static final String SECURITY_RULE_RULESET = "security_rule.ruleset.name";
  public static final String SECURITY_RULE_CATEGORY = "security_rule.category";
  public static final String SECURITY_RULE_REFERENCE = "security_rule.reference";

  private OtlpAttributes() {}
}
