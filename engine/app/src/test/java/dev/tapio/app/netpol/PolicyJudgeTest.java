package dev.tapio.app.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PolicyVerdict;
import dev.tapio.enrich.netpol.NetworkPolicies;
import dev.tapio.recording.EventReader;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which events get a NetworkPolicy verdict and in which words: the reason names the denying side,
 * the policies are the deciding ones, and without a Kubernetes API every connection is unknown.
 */
class PolicyJudgeTest {
  private static final KubernetesSerialization K8S = new KubernetesSerialization();

  private static final PolicyJudge JUDGE =
      new PolicyJudge(
          NetworkPolicies.of(
              List.of(K8S.unmarshal("kind: Namespace\nmetadata: {name: shop}", Namespace.class)),
              List.of(pod("web", "10.0.1.1", "fd00::1:1"), pod("db", "10.0.1.2", "fd00::1:2")),
              List.of(
                  policy(
                      """
                      metadata: {name: db-from-web, namespace: shop}
                      spec:
                        podSelector: {matchLabels: {app: db}}
                        ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 5432}]}]
                      """),
                  policy(
                      """
                      metadata: {name: web-egress, namespace: shop}
                      spec:
                        podSelector: {matchLabels: {app: web}}
                        policyTypes: [Egress]
                        egress: [{to: [{podSelector: {matchLabels: {app: db}}}]}]
                      """))));

  @Test
  void aConnectAllowedOnBothSidesNamesBothPolicies() {
    PolicyVerdict v = JUDGE.judge(connect("10.0.1.1", "10.0.1.2", 5432, "tcp")).netpol();
    assertThat(v)
        .isEqualTo(
            PolicyVerdict.of(
                PolicyVerdict.Reason.ALLOWED_BY_POLICY,
                List.of("shop/web-egress", "shop/db-from-web")));
  }

  @Test
  void theDenyingSideIsNamedWithItsPolicyOverIpv6AndUdp() {
    PolicyVerdict ingress = JUDGE.judge(connect("fd00::1:1", "fd00::1:2", 22, "tcp")).netpol();
    assertThat(ingress.verdict()).isEqualTo(PolicyVerdict.Verdict.DENIED);
    assertThat(ingress.reason()).isEqualTo(PolicyVerdict.Reason.INGRESS_DENIED);
    assertThat(ingress.policies()).containsExactly("shop/db-from-web");

    PolicyVerdict egress = JUDGE.judge(connect("10.0.1.1", "203.0.113.9", 53, "udp")).netpol();
    assertThat(egress.reason()).isEqualTo(PolicyVerdict.Reason.EGRESS_DENIED);
    assertThat(egress.policies()).containsExactly("shop/web-egress");

    PolicyVerdict both = JUDGE.judge(connect("fd00::1:2", "fd00::1:1", 80, "tcp")).netpol();
    assertThat(both.reason()).isEqualTo(PolicyVerdict.Reason.NO_POLICY);
    assertThat(both.verdict()).isEqualTo(PolicyVerdict.Verdict.ALLOWED);
    assertThat(both.policies()).isEmpty();
  }

  @Test
  void anAcceptIsJudgedFromThePeerToTheLocalEnd() {
    EnrichedEvent accept =
        event(
            "{type: accept, local: {ip: 10.0.1.2, port: 22}, remote: {ip: 10.0.1.1, port: 40000}}");
    assertThat(JUDGE.judge(accept).netpol().reason())
        .isEqualTo(PolicyVerdict.Reason.INGRESS_DENIED);
  }

  @Test
  void withoutKubernetesEveryConnectionIsUnknownAndOtherEventsGetNoVerdict() {
    PolicyJudge none = new PolicyJudge(null);
    assertThat(none.judge(connect("10.0.1.1", "10.0.1.2", 22, "tcp")).netpol())
        .isEqualTo(PolicyVerdict.UNKNOWN);
    assertThat(PolicyVerdict.UNKNOWN.verdict().label()).isEqualTo("unknown");
    assertThat(JUDGE.judge(event("{type: execve, process: {cmdline: sh}}")).netpol()).isNull();
    assertThat(JUDGE.judge(event("{type: bind, local: {ip: 10.0.1.1, port: 22}}")).netpol())
        .isNull();
    assertThat(
            JUDGE
                .judge(
                    event(
                        "{type: connect, family: unix, remote: {path: /run/x.sock}, local: {path:"
                            + " ''}}"))
                .netpol())
        .isNull();
  }

  @Test
  void flowsCarryNoPolicyDistinctFromAllowedAndNothingWhenUnknown() {
    assertThat(PolicyJudge.flowLabel(PolicyVerdict.NO_POLICY)).isEqualTo("no-policy");
    assertThat(
            PolicyJudge.flowLabel(
                PolicyVerdict.of(PolicyVerdict.Reason.ALLOWED_BY_POLICY, List.of("a/b"))))
        .isEqualTo("allowed");
    assertThat(PolicyJudge.flowLabel(PolicyVerdict.UNKNOWN)).isEmpty();
    assertThat(PolicyJudge.flowLabel(null)).isEmpty();
  }

  private static EnrichedEvent connect(String from, String to, int port, String protocol) {
    return event(
        "{type: connect, protocol: %s, local: {ip: '%s', port: 40000}, remote: {ip: '%s', port: %d}}"
            .formatted(protocol, from, to, port));
  }

  static EnrichedEvent event(String yaml) {
    try {
      return EventReader.read(
          new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml), "test", 0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static NetworkPolicy policy(String yaml) {
    return K8S.unmarshal(
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n" + yaml, NetworkPolicy.class);
  }

  static Pod pod(String app, String... ips) {
    StringBuilder podIps = new StringBuilder();
    for (String ip : ips) {
      podIps.append("{ip: '").append(ip).append("'},");
    }
    return K8S.unmarshal(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: shop, labels: {app: %s}}
        spec: {containers: [{name: main, image: busybox}]}
        status: {phase: Running, podIP: '%s', podIPs: [%s], hostIP: 192.168.0.10}
        """
            .formatted(app, app, ips[0], podIps),
        Pod.class);
  }
}
