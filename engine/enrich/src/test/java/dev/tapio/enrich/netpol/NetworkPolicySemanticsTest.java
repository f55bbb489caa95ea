package dev.tapio.enrich.netpol;

import static dev.tapio.enrich.netpol.PolicyCluster.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.enrich.netpol.Connection.Protocol;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubernetes NetworkPolicy semantics, one case per corner, against the cluster of {@link
 * PolicyCluster}. Expected verdicts read {@code DECISION egress=SIDE ingress=SIDE}, a side being
 * {@code decision[:namespace/policy]}.
 */
class NetworkPolicySemanticsTest {

  record Case(String name, String policies, Connection connection, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Connection tcp(String source, String destination, int port) {
    return of(Protocol.TCP, source, destination, port);
  }

  static Connection of(Protocol protocol, String source, String destination, int port) {
    return Connection.outbound(protocol, ip(source), 40_000, ip(destination), port);
  }

  static String render(Verdict verdict) {
    return verdict.decision().label()
        + " egress="
        + render(verdict.egress())
        + " ingress="
        + render(verdict.ingress());
  }

  static String render(Verdict.Side side) {
    return side.decision().label() + (side.policy() == null ? "" : ":" + side.policy());
  }

  static final String WEB = "10.0.1.1";
  static final String DB = "10.0.1.2";
  static final String CACHE = "10.0.1.3";
  static final String MONITOR = "10.0.2.1";
  static final String DEBUG = "10.0.2.2";
  static final String AGENT = "192.168.0.10";
  static final String TOOL = "10.0.3.1";
  static final String OLD = "10.0.4.1";

  static final String DENY_INGRESS =
      """
      metadata: {name: default-deny, namespace: shop}
      spec: {podSelector: {}}
      """;

  /** Ingress to db on 5432 from the peers given as a YAML flow sequence. */
  static String dbFrom(String peers) {
    return """
        metadata: {name: db-in, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: %s, ports: [{port: 5432}]}]
        """
        .formatted(peers);
  }

  static String webIngress(String rule) {
    return """
        metadata: {name: web-in, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress]
          ingress: [%s]
        """
        .formatted(rule);
  }

  static String webEgress(String rule) {
    return """
        metadata: {name: web-out, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress: [%s]
        """
        .formatted(rule);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "no policy anywhere",
            "",
            tcp(WEB, DB, 5432),
            "no-policy egress=no-policy ingress=no-policy"),
        new Case(
            "empty podSelector isolates every pod of the namespace for ingress",
            DENY_INGRESS,
            tcp(WEB, DB, 5432),
            "denied egress=no-policy ingress=denied:shop/default-deny"),
        new Case(
            "policyTypes defaulted without egress rules: egress stays open",
            DENY_INGRESS,
            of(Protocol.UDP, DB, "8.8.8.8", 53),
            "no-policy egress=no-policy ingress=no-policy"),
        new Case(
            "policyTypes defaulted with egress rules: egress isolated",
            """
            metadata: {name: web-egress, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
            """,
            tcp(WEB, "8.8.8.8", 443),
            "denied egress=denied:shop/web-egress ingress=no-policy"),
        new Case(
            "policyTypes defaulted with egress rules: ingress isolated too",
            """
            metadata: {name: web-egress, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
            """,
            tcp(TOOL, WEB, 8080),
            "denied egress=no-policy ingress=denied:shop/web-egress"),
        new Case(
            "explicit policyTypes [Egress] without rules denies all egress",
            webEgress(""),
            tcp(WEB, DB, 5432),
            "denied egress=denied:shop/web-out ingress=no-policy"),
        new Case(
            "explicit policyTypes [Egress] leaves ingress open",
            webEgress(""),
            tcp(TOOL, WEB, 8080),
            "no-policy egress=no-policy ingress=no-policy"),
        new Case(
            "podSelector peer in the policy's namespace",
            dbFrom("[{podSelector: {matchLabels: {app: web}}}]"),
            tcp(WEB, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "podSelector peer: other labels denied",
            dbFrom("[{podSelector: {matchLabels: {app: web}}}]"),
            tcp(CACHE, DB, 5432),
            "denied egress=no-policy ingress=denied:shop/db-in"),
        new Case(
            "podSelector peer alone never matches pods of other namespaces",
            dbFrom("[{podSelector: {matchLabels: {app: prometheus}}}]"),
            tcp(MONITOR, DB, 5432),
            "denied egress=no-policy ingress=denied:shop/db-in"),
        new Case(
            "namespaceSelector peer: every pod of matching namespaces",
            dbFrom("[{namespaceSelector: {matchLabels: {team: ops}}}]"),
            tcp(DEBUG, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "namespaceSelector peer does not select host-network pods",
            dbFrom("[{namespaceSelector: {matchLabels: {team: ops}}}]"),
            tcp(AGENT, DB, 5432),
            "denied egress=no-policy ingress=denied:shop/db-in"),
        new Case(
            "both selectors in one peer: AND",
            dbFrom(
                "[{namespaceSelector: {matchLabels: {team: ops}}, podSelector: {matchLabels: {app: prometheus}}}]"),
            tcp(DEBUG, DB, 5432),
            "denied egress=no-policy ingress=denied:shop/db-in"),
        new Case(
            "both selectors in one peer: the pod that matches both",
            dbFrom(
                "[{namespaceSelector: {matchLabels: {team: ops}}, podSelector: {matchLabels: {app: prometheus}}}]"),
            tcp(MONITOR, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "selectors in separate peers: OR",
            dbFrom(
                "[{namespaceSelector: {matchLabels: {team: ops}}}, {podSelector: {matchLabels: {app: prometheus}}}]"),
            tcp(DEBUG, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "matchExpressions In",
            dbFrom(
                "[{podSelector: {matchExpressions: [{key: app, operator: In, values: [web, cache]}]}}]"),
            tcp(CACHE, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "matchExpressions NotIn matches a namespace without the label",
            dbFrom(
                "[{namespaceSelector: {matchExpressions: [{key: env, operator: NotIn, values: [dev]}]}}]"),
            tcp(OLD, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "matchExpressions NotIn excludes the listed value",
            dbFrom(
                "[{namespaceSelector: {matchExpressions: [{key: env, operator: NotIn, values: [dev]}]}}]"),
            tcp(TOOL, DB, 5432),
            "denied egress=no-policy ingress=denied:shop/db-in"),
        new Case(
            "matchExpressions Exists",
            dbFrom("[{namespaceSelector: {matchExpressions: [{key: team, operator: Exists}]}}]"),
            tcp(MONITOR, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "matchExpressions DoesNotExist",
            dbFrom(
                "[{namespaceSelector: {matchExpressions: [{key: env, operator: DoesNotExist}]}}]"),
            tcp(TOOL, DB, 5432),
            "denied egress=no-policy ingress=denied:shop/db-in"),
        new Case(
            "empty podSelector peer: every pod of the policy's namespace",
            dbFrom("[{podSelector: {}}]"),
            tcp(CACHE, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "empty podSelector peer: not other namespaces",
            dbFrom("[{podSelector: {}}]"),
            tcp(TOOL, DB, 5432),
            "denied egress=no-policy ingress=denied:shop/db-in"),
        new Case(
            "empty namespaceSelector peer: every pod of the cluster",
            dbFrom("[{namespaceSelector: {}}]"),
            tcp(TOOL, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "empty namespaceSelector peer: not the outside world",
            dbFrom("[{namespaceSelector: {}}]"),
            tcp("8.8.8.8", DB, 5432),
            "denied egress=no-policy ingress=denied:shop/db-in"),
        new Case(
            "ipBlock from outside the cluster",
            webIngress("{from: [{ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.128/25]}}]}"),
            tcp("203.0.113.5", WEB, 8080),
            "allowed egress=no-policy ingress=allowed:shop/web-in"),
        new Case(
            "ipBlock except",
            webIngress("{from: [{ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.128/25]}}]}"),
            tcp("203.0.113.200", WEB, 8080),
            "denied egress=no-policy ingress=denied:shop/web-in"),
        new Case(
            "ipBlock also matches pod IPs",
            dbFrom("[{ipBlock: {cidr: 10.0.1.0/24}}]"),
            tcp(WEB, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "host-network pod is its node's IP: ipBlock matches it",
            dbFrom("[{ipBlock: {cidr: 192.168.0.0/24}}]"),
            tcp(AGENT, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "IPv6 ipBlock to the outside from the pod's IPv6 address",
            webEgress("{to: [{ipBlock: {cidr: '2001:db8::/32', except: ['2001:db8:ff::/48']}}]}"),
            tcp("fd00::1:1", "2001:db8::5", 443),
            "allowed egress=allowed:shop/web-out ingress=no-policy"),
        new Case(
            "IPv6 ipBlock except",
            webEgress("{to: [{ipBlock: {cidr: '2001:db8::/32', except: ['2001:db8:ff::/48']}}]}"),
            tcp("fd00::1:1", "2001:db8:ff::1", 443),
            "denied egress=denied:shop/web-out ingress=no-policy"),
        new Case(
            "an IPv4 ipBlock never matches IPv6",
            webEgress("{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}"),
            tcp("fd00::1:1", "2001:db8::5", 443),
            "denied egress=denied:shop/web-out ingress=no-policy"),
        new Case(
            "IPv6 pod address selected by podSelector (dual-stack index)",
            dbFrom("[{podSelector: {matchLabels: {app: web}}}]"),
            tcp("fd00::1:1", "fd00::1:2", 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "an IPv4-mapped IPv6 address is the IPv4 pod",
            dbFrom("[{podSelector: {matchLabels: {app: web}}}]"),
            tcp("::ffff:10.0.1.1", DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "port with protocol UDP",
            webIngress("{ports: [{protocol: UDP, port: 53}]}"),
            of(Protocol.UDP, TOOL, WEB, 53),
            "allowed egress=no-policy ingress=allowed:shop/web-in"),
        new Case(
            "port with protocol UDP does not open TCP",
            webIngress("{ports: [{protocol: UDP, port: 53}]}"),
            tcp(TOOL, WEB, 53),
            "denied egress=no-policy ingress=denied:shop/web-in"),
        new Case(
            "port without protocol is TCP",
            webIngress("{ports: [{port: 8080}]}"),
            of(Protocol.UDP, TOOL, WEB, 8080),
            "denied egress=no-policy ingress=denied:shop/web-in"),
        new Case(
            "SCTP port",
            dbFrom("[{podSelector: {}}]").replace("{port: 5432}", "{protocol: SCTP, port: 7000}"),
            of(Protocol.SCTP, WEB, DB, 7000),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "named port resolved against the destination pod",
            webIngress("{ports: [{port: http}]}"),
            tcp(TOOL, WEB, 8080),
            "allowed egress=no-policy ingress=allowed:shop/web-in"),
        new Case(
            "named port: another port of the pod",
            webIngress("{ports: [{port: http}]}"),
            tcp(TOOL, WEB, 9090),
            "denied egress=no-policy ingress=denied:shop/web-in"),
        new Case(
            "named egress port resolved against the destination pod",
            webEgress("{ports: [{port: postgres}]}"),
            tcp(WEB, DB, 5432),
            "allowed egress=allowed:shop/web-out ingress=no-policy"),
        new Case(
            "named egress port: destination without that port",
            webEgress("{ports: [{port: postgres}]}"),
            tcp(WEB, CACHE, 5432),
            "denied egress=denied:shop/web-out ingress=no-policy"),
        new Case(
            "named egress port never matches outside the cluster",
            webEgress("{ports: [{port: postgres}]}"),
            tcp(WEB, "8.8.8.8", 5432),
            "denied egress=denied:shop/web-out ingress=no-policy"),
        new Case(
            "endPort range, upper bound included",
            webEgress("{ports: [{port: 32000, endPort: 32768}]}"),
            tcp(WEB, "8.8.8.8", 32768),
            "allowed egress=allowed:shop/web-out ingress=no-policy"),
        new Case(
            "endPort range, past the end",
            webEgress("{ports: [{port: 32000, endPort: 32768}]}"),
            tcp(WEB, "8.8.8.8", 32769),
            "denied egress=denied:shop/web-out ingress=no-policy"),
        new Case(
            "rule without from: every source on its ports",
            webIngress("{ports: [{port: 8080}]}"),
            tcp("8.8.8.8", WEB, 8080),
            "allowed egress=no-policy ingress=allowed:shop/web-in"),
        new Case(
            "empty rule allows everything",
            webIngress("{}"),
            of(Protocol.UDP, "8.8.8.8", WEB, 9999),
            "allowed egress=no-policy ingress=allowed:shop/web-in"),
        new Case(
            "policies union: the second one allows",
            DENY_INGRESS + "---\n" + dbFrom("[{podSelector: {matchLabels: {app: cache}}}]"),
            tcp(CACHE, DB, 5432),
            "allowed egress=no-policy ingress=allowed:shop/db-in"),
        new Case(
            "a policy isolates only pods of its own namespace",
            DENY_INGRESS.replace("shop", "ops"),
            tcp(TOOL, DB, 5432),
            "no-policy egress=no-policy ingress=no-policy"),
        new Case(
            "ingress from the pod's own node is always allowed",
            DENY_INGRESS,
            tcp(AGENT, WEB, 8080),
            "allowed egress=no-policy ingress=allowed"),
        new Case(
            "egress allowed but ingress denied: denied",
            webEgress("{to: [{podSelector: {}}]}") + "---\n" + DENY_INGRESS,
            tcp(WEB, DB, 5432),
            "denied egress=allowed:shop/web-out ingress=denied:shop/default-deny"),
        new Case(
            "both sides allowed",
            webEgress("{to: [{podSelector: {}}]}")
                + "---\n"
                + dbFrom("[{podSelector: {matchLabels: {app: web}}}]"),
            tcp(WEB, DB, 5432),
            "allowed egress=allowed:shop/web-out ingress=allowed:shop/db-in"),
        new Case(
            "egress to a pod selected by namespace in another namespace",
            webEgress(
                "{to: [{namespaceSelector: {matchLabels: {team: ops}}, podSelector: {matchLabels: {app: prometheus}}}]}"),
            tcp(WEB, MONITOR, 9090),
            "allowed egress=allowed:shop/web-out ingress=no-policy"),
        new Case(
            "a finished pod's IP is no pod",
            DENY_INGRESS,
            tcp(WEB, "10.0.1.9", 5432),
            "no-policy egress=no-policy ingress=no-policy"),
        new Case(
            "host-network pods are never isolated",
            DENY_INGRESS.replace("shop", "ops"),
            tcp(WEB, AGENT, 10250),
            "no-policy egress=no-policy ingress=no-policy"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdict(Case c) {
    assertThat(render(view(c.policies()).evaluate(c.connection()))).isEqualTo(c.expected());
  }

  @Test
  void theDecidingPolicyIsTheDenyingSideFirstElseTheAllowingOne() {
    String allowOut = webEgress("{to: [{podSelector: {}}]}");
    Verdict denied = view(allowOut + "---\n" + DENY_INGRESS).evaluate(tcp(WEB, DB, 5432));
    Verdict allowed = view(allowOut).evaluate(tcp(WEB, CACHE, 6379));

    assertThat(denied.policy()).hasToString("shop/default-deny");
    assertThat(allowed.policy()).hasToString("shop/web-out");
    assertThat(NetworkPolicies.noop().evaluate(tcp(WEB, DB, 5432))).isSameAs(Verdict.NO_POLICY);
    assertThat(Verdict.NO_POLICY.policy()).isNull();
  }

  @Test
  void everySemanticHasACase() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(25);
  }

  static NetworkPolicies view(String policies) {
    return NetworkPolicies.of(
        PolicyCluster.namespaces(), PolicyCluster.pods(), PolicyCluster.policies(policies));
  }
}
