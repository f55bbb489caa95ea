package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.PolicyVerdict;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.FlagValue;
import dev.tapio.app.netpol.PolicyJudge;
import dev.tapio.enrich.netpol.Connection;
import dev.tapio.sensors.NetPods;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * NetworkPolicy violations live: ten simulated pods (network namespaces on one bridge, a cgroup
 * each) that fabric8's mock API server (CRUD mode) serves as pods of four namespaces, beside the
 * NetworkPolicies of {@code netpol_cluster.yaml}, and a live engine that reads them through a
 * kubeconfig as {@code tapio run} does. Real TCP connections and UDP datagrams go between the pods
 * over IPv4 and IPv6, one per row of {@link #ROWS}; the bundled rule must alert on exactly the
 * flows the table says policy forbids, and every flow must reach the rules with the table's verdict
 * (allowed ones through a test rule beside the bundled ones). Two rows connect to db's Service:
 * each pod's nat table DNATs its ClusterIP to db as kube-proxy does, so the connect carries the
 * ClusterIP and the verdict must be the one on db.
 */
@Tag("privileged")
@Tag("kernel")
class NetworkPolicyEndToEndTest {
  private static final String RULE = "Network connection forbidden by NetworkPolicy";
  private static final String JUDGED = "Simulated pods connection judged";
  private static final String TCP_PORTS =
      "53,80,5353,5432,6000,6379,8080,8085,8091,9100,9200,9300,9400,9500,9600";
  private static final String UDP_PORTS = "53,54,5353";

  /** Pod numbers as netpol_cluster.yaml gives them; 9 is an address outside the cluster. */
  private static final int FREE = 1, WEB = 2, DB = 3, CACHE = 4, MONITOR = 5, BATCH = 6;

  private static final int TESTER = 7, SINK = 8, EXTERNAL = 9, AGENT = 10;

  /** No pod: db's Service, whose ClusterIPs every pod's nat table sends to db. */
  private static final int DB_SERVICE = 11;

  private static final String SERVICE_V4 = "10.231.254.3", SERVICE_V6 = "fd00:231:254::3";

  /** One connection of the table and whether policy forbids it. */
  record Row(String semantic, int from, int to, String protocol, int port, boolean denied) {}

  private static final List<Row> ROWS =
      List.of(
          new Row("no policy anywhere: allowed", WEB, FREE, "tcp", 80, false),
          new Row(
              "policies in the namespace select other pods: allowed",
              FREE,
              TESTER,
              "tcp",
              80,
              false),
          new Row("default-deny ingress (empty podSelector)", FREE, CACHE, "tcp", 80, true),
          new Row("default-deny ingress, another pod", FREE, DB, "tcp", 80, true),
          new Row("podSelector peer on a named port", WEB, DB, "tcp", 5432, false),
          new Row("named port: another port", WEB, DB, "tcp", 6000, true),
          new Row("podSelector peer: another pod", CACHE, DB, "tcp", 5432, true),
          new Row("namespace AND pod selector: both match", MONITOR, CACHE, "tcp", 6379, false),
          new Row("namespace AND pod selector: pod does not", AGENT, CACHE, "tcp", 6379, true),
          new Row(
              "namespace AND pod selector: namespace does not", TESTER, CACHE, "tcp", 6379, true),
          new Row("two peers OR: namespace peer", AGENT, WEB, "tcp", 8085, false),
          new Row("two peers OR: pod peer (In)", DB, WEB, "tcp", 8080, false),
          new Row("two peers OR: neither", TESTER, WEB, "tcp", 8085, true),
          new Row("endPort: past the range", AGENT, WEB, "tcp", 8091, true),
          new Row("ipBlock on UDP", FREE, WEB, "udp", 5353, false),
          new Row("ipBlock except", EXTERNAL, WEB, "udp", 5353, true),
          new Row("protocol: TCP where UDP is allowed", FREE, WEB, "tcp", 5353, true),
          new Row("rule without from: any source", TESTER, MONITOR, "tcp", 9100, false),
          new Row(
              "union of three policies: a port none allows", TESTER, MONITOR, "tcp", 9200, true),
          new Row("empty from: any source", TESTER, MONITOR, "tcp", 9300, false),
          new Row("NotIn: namespace without the key", FREE, MONITOR, "tcp", 9400, false),
          new Row("NotIn: excluded value", TESTER, MONITOR, "tcp", 9400, true),
          new Row("DoesNotExist: key absent", TESTER, MONITOR, "tcp", 9500, false),
          new Row("DoesNotExist: key present", FREE, MONITOR, "tcp", 9500, true),
          new Row("Exists: key present", FREE, MONITOR, "tcp", 9600, false),
          new Row("Exists: key absent", TESTER, MONITOR, "tcp", 9600, true),
          new Row(
              "policyTypes implied by egress: egress port allowed", BATCH, WEB, "tcp", 8085, false),
          new Row("policyTypes implied by egress: other port", BATCH, FREE, "tcp", 80, true),
          new Row(
              "policyTypes implied by egress: ingress isolated too", FREE, BATCH, "tcp", 80, true),
          new Row("default-deny egress", SINK, FREE, "tcp", 80, true),
          new Row(
              "egress ipBlock, union with default-deny egress", SINK, EXTERNAL, "udp", 53, false),
          new Row("egress ipBlock except", SINK, FREE, "udp", 53, true),
          new Row("egress ipBlock: another port", SINK, EXTERNAL, "udp", 54, true),
          new Row("egress ipBlock: TCP where UDP is allowed", SINK, EXTERNAL, "tcp", 53, true),
          new Row("egress-only policy leaves ingress open", FREE, SINK, "tcp", 80, false),
          new Row(
              "Service ClusterIP as its pod: named target port",
              WEB,
              DB_SERVICE,
              "tcp",
              15432,
              false),
          new Row(
              "Service ClusterIP as its pod: another source",
              CACHE,
              DB_SERVICE,
              "tcp",
              15432,
              true));

  /** A flow as policies see it: initiator, responder, its port and protocol. */
  record Flow(String protocol, InetAddress source, InetAddress destination, int port) {}

  @Test
  void violationAlertsForExactlyTheFlowsPoliciesForbidOverIpv4AndIpv6() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the NetworkPolicy end-to-end test needs root for eBPF and namespaces");
    Path script = resource("netpol_peer.py");
    Path kubeconfig = Files.createTempFile("tapio-netpol", ".kubeconfig");
    var server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    try (NetPods pods = new NetPods(10);
        KubernetesClient client = server.createClient()) {
      for (HasMetadata object : cluster(pods)) {
        client.resource(object).create();
      }
      Files.writeString(kubeconfig, kubeconfig(client.getConfiguration().getMasterUrl()));
      for (NetPods.Pod pod : pods.pods()) {
        kubeProxy(pod, pod(pods, DB));
      }
      for (NetPods.Pod pod : pods.pods()) {
        Process peer =
            pods.start(
                pod,
                "/usr/bin/python3 %s serve %s %s %s %s"
                    .formatted(script, pod.ipv4(), pod.ipv6(), TCP_PORTS, UDP_PORTS));
        NetPods.awaitLine(peer, "ready");
      }
      var alerts = new InMemoryAlertSink();
      try (Engine engine = new Engine(options(kubeconfig), alerts)) {
        engine.start();
        awaitPoliciesLoaded(pods, script, alerts);
        Map<Flow, Row> expected = new LinkedHashMap<>();
        for (boolean v6 : List.of(false, true)) {
          for (Row row : ROWS) {
            expected.put(flow(pods, row, v6), row);
            send(pods, script, row, v6);
          }
        }
        Set<Flow> forbidden =
            expected.entrySet().stream()
                .filter(e -> e.getValue().denied())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        awaitAlerts(alerts, forbidden, expected.keySet());
        assertThat(flows(alerts, RULE, expected.keySet()))
            .as("flows the bundled rule alerted on")
            .containsExactlyInAnyOrderElementsOf(forbidden);
        assertThat(verdictMismatches(alerts, expected)).isEmpty();
      }
    } finally {
      server.destroy();
      Files.deleteIfExists(kubeconfig);
    }
  }

  /** Rows whose flows never reached the rules, or reached them with another verdict. */
  private static List<String> verdictMismatches(InMemoryAlertSink alerts, Map<Flow, Row> expected) {
    Map<Flow, Set<String>> seen = new HashMap<>();
    for (Alert a : alerts.alerts()) {
      Flow f = flowOf(a);
      PolicyVerdict v = a.event().netpol();
      // an event fires its first matching rule only: the bundled one, for a forbidden flow
      if ((a.rule().equals(JUDGED) || a.rule().equals(RULE)) && f != null && v != null) {
        seen.computeIfAbsent(f, k -> new java.util.TreeSet<>()).add(v.verdict().label());
      }
    }
    List<String> out = new ArrayList<>();
    expected.forEach(
        (flow, row) -> {
          Set<String> want = Set.of(row.denied() ? "denied" : "allowed");
          if (!want.equals(seen.get(flow))) {
            out.add(row.semantic() + " " + flow + ": expected " + want + ", saw " + seen.get(flow));
          }
        });
    return out;
  }

  /** Sends the known-forbidden first row until its alert shows the engine's view is complete. */
  private static void awaitPoliciesLoaded(NetPods pods, Path script, InMemoryAlertSink alerts)
      throws Exception {
    Row canary = ROWS.get(2);
    Flow flow = flow(pods, canary, false);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!flows(alerts, RULE, Set.of(flow)).contains(flow)) {
      assertThat(System.nanoTime()).as("the engine's policies never loaded").isLessThan(deadline);
      send(pods, script, canary, false);
      Thread.sleep(300);
    }
    Thread.sleep(1_000); // the view is rebuilt as a whole; give the last informer events time
  }

  private static void awaitAlerts(InMemoryAlertSink alerts, Set<Flow> forbidden, Set<Flow> all)
      throws InterruptedException {
    Set<Flow> allowed = new java.util.HashSet<>(all);
    allowed.removeAll(forbidden);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline
        && !(flows(alerts, RULE, all).containsAll(forbidden)
            && flows(alerts, JUDGED, all).containsAll(allowed))) {
      Thread.sleep(200);
    }
    Thread.sleep(1_000); // late alerts that should not be there get their chance to show
  }

  private static Set<Flow> flows(InMemoryAlertSink alerts, String rule, Set<Flow> among) {
    return alerts.alerts().stream()
        .filter(a -> a.rule().equals(rule))
        .map(NetworkPolicyEndToEndTest::flowOf)
        .filter(f -> f != null && among.contains(f))
        .collect(Collectors.toSet());
  }

  private static Flow flowOf(Alert a) {
    return PolicyJudge.connection(a.event())
        .map(
            (Connection c) ->
                new Flow(
                    c.protocol().name().toLowerCase(java.util.Locale.ROOT),
                    c.source(),
                    c.destination(),
                    c.destinationPort()))
        .orElse(null);
  }

  private static Flow flow(NetPods pods, Row row, boolean v6) throws Exception {
    return new Flow(
        row.protocol(),
        InetAddress.getByName(pod(pods, row.from()).ip(v6)),
        InetAddress.getByName(address(pods, row.to(), v6)),
        row.port());
  }

  /** Pod {@code number}'s address, or the Service's ClusterIP. */
  private static String address(NetPods pods, int number, boolean v6) {
    if (number == DB_SERVICE) {
      return v6 ? SERVICE_V6 : SERVICE_V4;
    }
    return pod(pods, number).ip(v6);
  }

  /**
   * What kube-proxy does on a node, in {@code pod}'s namespace: a route to the ClusterIPs and a
   * DNAT of the Service port to {@code db}'s port, after the socket hooks saw the connect.
   */
  private static void kubeProxy(NetPods.Pod pod, NetPods.Pod db) throws Exception {
    String in = "ip netns exec " + pod.netns() + " ";
    String veth = "$(ip -n " + pod.netns() + " -o link show type veth | cut -d: -f2 | cut -d@ -f1)";
    sh(in + "ip route add " + SERVICE_V4 + "/32 dev " + veth);
    sh(in + "ip -6 route add " + SERVICE_V6 + "/128 dev " + veth);
    sh(
        in
            + "iptables -t nat -A OUTPUT -d %s -p tcp --dport 15432 -j DNAT --to-destination %s:5432"
                .formatted(SERVICE_V4, db.ipv4()));
    sh(
        in
            + "ip6tables -t nat -A OUTPUT -d %s -p tcp --dport 15432 -j DNAT --to-destination [%s]:5432"
                .formatted(SERVICE_V6, db.ipv6()));
  }

  private static void sh(String command) throws Exception {
    Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("%s: %s", command, out).isZero();
  }

  private static void send(NetPods pods, Path script, Row row, boolean v6) throws Exception {
    NetPods.Pod from = pod(pods, row.from());
    Process p =
        pods.start(
            from,
            "/usr/bin/python3 %s connect %s %s %s %d"
                .formatted(
                    script, row.protocol(), from.ip(v6), address(pods, row.to(), v6), row.port()));
    NetPods.awaitLine(p, "done");
    p.waitFor();
  }

  private static NetPods.Pod pod(NetPods pods, int number) {
    return pods.pods().get(number - 1);
  }

  /** The objects of netpol_cluster.yaml with the simulated pods' addresses as pod IPs. */
  private static List<HasMetadata> cluster(NetPods pods) throws Exception {
    String text = Files.readString(resource("netpol_cluster.yaml"));
    text = text.replace("@net4", pods.ipv4Network()).replace("@net6", pods.ipv6Network());
    for (int n = pods.pods().size(); n >= 1; n--) { // 10 before 1, so @v4.1 does not eat @v4.10
      text = text.replace("@v4." + n, pod(pods, n).ipv4()).replace("@v6." + n, pod(pods, n).ipv6());
    }
    var serialization = new KubernetesSerialization();
    List<HasMetadata> out = new ArrayList<>();
    for (JsonNode item : new YAMLMapper().readTree(text).get("items")) {
      ObjectNode o = (ObjectNode) item;
      JsonNode number = o.remove("@pod");
      if (number != null) {
        NetPods.Pod pod = pod(pods, number.asInt());
        ObjectNode status = o.putObject("status").put("phase", "Running");
        status.put("podIP", pod.ipv4()).put("hostIP", "192.0.2.1");
        status.putArray("podIPs").add(ip(o, pod.ipv4())).add(ip(o, pod.ipv6()));
      }
      out.add((HasMetadata) serialization.unmarshal(o.toString()));
    }
    return out;
  }

  private static ObjectNode ip(ObjectNode any, String ip) {
    return any.objectNode().put("ip", ip);
  }

  private static String kubeconfig(String masterUrl) {
    return """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s"}}]
        users: [{name: mock, user: {token: test}}]
        contexts: [{name: mock, context: {cluster: mock, user: mock, namespace: default}}]
        current-context: mock
        """
        .formatted(masterUrl);
  }

  private static EngineOptions options(Path kubeconfig) throws Exception {
    var config =
        ConfigLoader.load(
            null,
            Map.of(),
            List.of(
                FlagValue.parse("rules.bundled=true"),
                FlagValue.parse("outputs.json.enabled=false"),
                FlagValue.parse("spool.enabled=false"),
                FlagValue.parse("http.enabled=false")));
    return new EngineOptions(
        List.of(resource("netpol_judged_rule.yaml")),
        false,
        null,
        false,
        1 << 22,
        Map.of("KUBECONFIG", kubeconfig.toString()),
        config);
  }

  private static Path resource(String name) throws Exception {
    return Path.of(
        Objects.requireNonNull(NetworkPolicyEndToEndTest.class.getResource(name)).toURI());
  }
}
