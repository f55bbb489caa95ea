package dev.tapio.api.context;

import java.util.List;
import java.util.Objects;

/**
 * What the cluster's NetworkPolicies say about the connection an event opens (a connect, an accept,
 * a first UDP datagram sent or received): the source pod's egress and the destination pod's
 * ingress, judged from the two ends' addresses whichever end this node is.
 *
 * @param verdict allowed, denied, or unknown when no policy view is at hand
 * @param reason why: which side denied, or that nothing isolates either end
 * @param policies the deciding policies as {@code namespace/name}: for a denial, the policy that
 *     isolates each denying side; for an allowed connection, the policy whose rule matched on each
 *     isolated side; empty when no policy selects either end
 */
public record PolicyVerdict(Verdict verdict, Reason reason, List<String> policies) {

  /** No Kubernetes API: the policies are not known. */
  public static final PolicyVerdict UNKNOWN =
      new PolicyVerdict(Verdict.UNKNOWN, Reason.NO_KUBERNETES_API, List.of());

  /** No policy selects either end: Kubernetes allows everything. */
  public static final PolicyVerdict NO_POLICY =
      new PolicyVerdict(Verdict.ALLOWED, Reason.NO_POLICY, List.of());

  public PolicyVerdict {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    policies = List.copyOf(policies);
    if (reason.verdict != verdict) {
      throw new IllegalArgumentException(
          "reason " + reason.label() + " goes with verdict " + reason.verdict.label());
    }
  }

  /** The verdict, as the field {@code tapio.netpol.verdict} shows it. */
  public enum Verdict {
    ALLOWED("allowed"),
    DENIED("denied"),
    UNKNOWN("unknown");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Why, as the field {@code tapio.netpol.reason} shows it. */
  public enum Reason {
    /** No policy selects the source for egress nor the destination for ingress. */
    NO_POLICY("no-policy", Verdict.ALLOWED),
    /** Every isolated side has a policy whose rule matches; the other side is not isolated. */
    ALLOWED_BY_POLICY("allowed-by-policy", Verdict.ALLOWED),
    /** The source pod is isolated for egress and no rule of its policies allows the connection. */
    EGRESS_DENIED("egress-denied", Verdict.DENIED),
    /** The destination pod is isolated for ingress and no rule of its policies allows it. */
    INGRESS_DENIED("ingress-denied", Verdict.DENIED),
    /** Both sides deny. */
    EGRESS_AND_INGRESS_DENIED("egress-and-ingress-denied", Verdict.DENIED),
    /** No Kubernetes API to read policies from. */
    NO_KUBERNETES_API("no-kubernetes-api", Verdict.UNKNOWN);

    private final String label;
    private final Verdict verdict;

    Reason(String label, Verdict verdict) {
      this.label = label;
      this.verdict = verdict;
    }

    public String label() {
      return label;
    }

    /** The verdict this reason gives. */
    public Verdict verdict() {
      return verdict;
    }

    /** The reason labelled {@code label}, for readers of recorded events. */
    public static Reason ofLabel(String label) {
      for (Reason r : values()) {
        if (r.label.equals(label)) {
          return r;
        }
      }
      throw new IllegalArgumentException("unknown NetworkPolicy reason: " + label);
    }
  }

  /** A verdict for {@code reason} with {@code policies} deciding. */
  public static PolicyVerdict of(Reason reason, List<String> policies) {
    return new PolicyVerdict(reason.verdict(), reason, policies);
  }
}
