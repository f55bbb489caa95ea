package dev.tapio.rules.internal.fields;

import static dev.tapio.rules.internal.fields.FieldType.STRING;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PolicyVerdict;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code tapio.netpol.*}: what the cluster's NetworkPolicies say about the connection an event
 * opens, which Falco has no fields for. Set on IP {@code connect}, {@code connect_async}, {@code
 * accept}/{@code accept4}, first-datagram {@code sendto}/{@code recvfrom} and TCP {@code close}
 * events that have a peer address, and on no other event (so {@code !=} is false there too).
 * Without a Kubernetes API the verdict is {@code unknown}.
 */
final class NetpolFields {

  private NetpolFields() {}

  static void register(List<FieldDef> out) {
    netpol(
        out,
        "verdict",
        "allowed, denied, or unknown (no Kubernetes API: policies are not known). A connection"
            + " no policy isolates is allowed",
        v -> v.verdict().label());
    netpol(
        out,
        "reason",
        "why: no-policy (no policy selects the source for egress nor the destination for"
            + " ingress), allowed-by-policy, egress-denied, ingress-denied,"
            + " egress-and-ingress-denied, or no-kubernetes-api",
        v -> v.reason().label());
    netpol(
        out,
        "policies",
        "the deciding policies as namespace/name, comma-separated: for a denial the policy that"
            + " isolates each denying side, else the policy whose rule allowed each isolated side;"
            + " empty when none selects either end",
        v -> String.join(",", v.policies()));
  }

  private static void netpol(
      List<FieldDef> out,
      String name,
      String description,
      Function<PolicyVerdict, @Nullable Object> read) {
    out.add(
        FieldDef.simple(
            "tapio.netpol." + name,
            STRING,
            description,
            (EnrichedEvent e) -> {
              PolicyVerdict v = e.netpol();
              return v == null ? null : read.apply(v);
            }));
  }
}
