package dev.tapio.enrich.netpol;

import org.jspecify.annotations.Nullable;

/**
 * What NetworkPolicies say about a connection. A connection needs both sides: the source pod's
 * egress and the destination pod's ingress. It is {@link Decision#DENIED denied} when either side
 * is, {@link Decision#ALLOWED allowed} when at least one side is and the other is not denied, and
 * {@link Decision#NO_POLICY no-policy} when no policy isolates either end.
 *
 * @param egress the source pod's egress side
 * @param ingress the destination pod's ingress side
 */
public record Verdict(Decision decision, Side egress, Side ingress) {

  /** Neither end is isolated. */
  public static final Verdict NO_POLICY = new Verdict(Decision.NO_POLICY, Side.NONE, Side.NONE);

  public static Verdict of(Side egress, Side ingress) {
    if (egress == Side.NONE && ingress == Side.NONE) {
      return NO_POLICY;
    }
    Decision decision =
        egress.decision() == Decision.DENIED || ingress.decision() == Decision.DENIED
            ? Decision.DENIED
            : Decision.ALLOWED;
    return new Verdict(decision, egress, ingress);
  }

  /**
   * The policy that decided: the denying side's policy when denied (egress first), else the
   * allowing side's; null for no-policy.
   */
  public @Nullable PolicyRef policy() {
    Decision wanted = decision;
    if (egress.decision() == wanted && egress.policy() != null) {
      return egress.policy();
    }
    return ingress.decision() == wanted ? ingress.policy() : null;
  }

  /**
   * One side's decision.
   *
   * @param policy the deciding policy: for allowed, the first policy (by namespace and name) with a
   *     matching rule; for denied, the first policy that isolates the pod; null for no-policy and
   *     for ingress from the destination pod's own node, which Kubernetes always allows
   */
  public record Side(Decision decision, @Nullable PolicyRef policy) {
    /** Not isolated. */
    public static final Side NONE = new Side(Decision.NO_POLICY, null);

    /** Ingress from the pod's own node (kubelet probes): always allowed. */
    public static final Side LOCAL_NODE = new Side(Decision.ALLOWED, null);
  }
}
