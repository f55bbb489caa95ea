package dev.tapio.enrich.netpol;

/** What NetworkPolicies decide about one side of a connection, or about the connection. */
public enum Decision {
  /** A policy selects the pod and one of its rules matches. */
  ALLOWED("allowed"),
  /** Policies select the pod for this direction and none of their rules matches. */
  DENIED("denied"),
  /**
   * No policy selects the pod for this direction (or the end is not a pod): nothing isolates it.
   */
  NO_POLICY("no-policy");

  private final String label;

  Decision(String label) {
    this.label = label;
  }

  /** {@code allowed}, {@code denied} or {@code no-policy}, as flows and alerts carry it. */
  public String label() {
    return label;
  }
}
