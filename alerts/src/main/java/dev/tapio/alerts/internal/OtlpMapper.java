package dev.tapio.alerts.internal;

import dev.tapio.alerts.OtlpAttributes;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.IpText;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps an alert to its OTLP log record: body, severity, event name, Tapio's own keys, every output
 * field under its Falco name, then the {@code security_rule.*} and workload semantic-convention
 * keys (which win over an output field of the same name).
 */
public final class OtlpMapper {
  private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
  private static final String TACTIC_PREFIX = "mitre_";
  private static final Map<String, String> WORKLOAD_KINDS =
      Map.of(
          "Deployment", "k8s.deployment.name",
          "StatefulSet", "k8s.statefulset.name",
          "DaemonSet", "k8s.daemonset.name",
          "ReplicaSet", "k8s.replicaset.name",
          "Job", "k8s.job.name",
          "CronJob", "k8s.cronjob.name");

  private final LongSupplier clockNanos;

  public OtlpMapper(LongSupplier clockNanos) {
    this.clockNanos = clockNanos;
  }

  public LogEntry map(Alert alert) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put(OtlpAttributes.ALERT_ID, alert.id());
    attributes.put(OtlpAttributes.RULE, alert.rule());
    attributes.put(OtlpAttributes.PRIORITY, alert.priority().falcoName());
    attributes.put(OtlpAttributes.SOURCE, alert.source());
    attributes.put(OtlpAttributes.EVENT_TYPE, alert.event().type());
    List<String> tags = List.copyOf(new TreeSet<>(alert.tags()));
    attributes.put(OtlpAttributes.TAGS, tags);
    List<String> techniques = tags.stream().filter(t -> TECHNIQUE.matcher(t).matches()).toList();
    List<String> tactics =
        tags.stream()
            .filter(t -> t.startsWith(TACTIC_PREFIX))
            .map(t -> t.substring(TACTIC_PREFIX.length()))
            .toList();
    if (!techniques.isEmpty()) {
      attributes.put(OtlpAttributes.MITRE_TECHNIQUES, techniques);
    }
    if (!tactics.isEmpty()) {
      attributes.put(OtlpAttributes.MITRE_TACTICS, tactics);
    }
    for (Map.Entry<String, @Nullable Object> field : alert.outputFields().entrySet()) {
      Object value = attributeValue(field.getValue());
      if (value != null) {
        attributes.put(field.getKey(), value);
      }
    }
    ruleIdentity(alert, techniques, tactics, attributes);
    workload(alert.event(), attributes);
    return new LogEntry(
        alert.id(),
        alert.timeNanos(),
        clockNanos.getAsLong(),
        alert.priority().otelSeverityNumber(),
        alert.priority().otelSeverityText(),
        alert.output(),
        OtlpAttributes.EVENT_NAME,
        attributes,
        incidentTraceId(alert),
        hex(sha256(alert.id()), 8));
  }

  /**
   * Correlated alerts share a trace id: those raised by one session (same node, same container,
   * same session id) belong to one incident, so a SIEM can pull them up together.
   */
  static String incidentTraceId(Alert alert) {
    var e = alert.event();
    return hex(
        sha256(e.hostname() + '\0' + e.container().id() + '\0' + e.process().sessionId()), 16);
  }

  private static byte[] sha256(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static String hex(byte[] bytes, int length) {
    return java.util.HexFormat.of().formatHex(bytes, 0, length);
  }

  private static void ruleIdentity(
      Alert alert, List<String> techniques, List<String> tactics, Map<String, Object> out) {
    out.put(OtlpAttributes.SECURITY_RULE_NAME, alert.rule());
    out.put(
        OtlpAttributes.SECURITY_RULE_UUID,
        UUID.nameUUIDFromBytes(
                (alert.source() + "\0" + alert.rule()).getBytes(StandardCharsets.UTF_8))
            .toString());
    out.put(OtlpAttributes.SECURITY_RULE_RULESET, "tapio/" + alert.source());
    if (!tactics.isEmpty()) {
      out.put(OtlpAttributes.SECURITY_RULE_CATEGORY, tactics.getFirst());
    }
    if (!techniques.isEmpty()) {
      out.put(
          OtlpAttributes.SECURITY_RULE_REFERENCE,
          "https://attack.mitre.org/techniques/" + techniques.getFirst().replace('.', '/') + "/");
    }
  }

  private static void workload(EnrichedEvent event, Map<String, Object> out) {
    ContainerInfo container = event.container();
    if (!container.isHost()) {
      out.put("container.id", container.id());
      putIfNotEmpty(out, "container.name", container.name());
      putIfNotEmpty(
          out,
          "container.image.name",
          container.imageRepository().isEmpty() ? container.image() : container.imageRepository());
      if (!container.imageTag().isEmpty()) {
        out.put("container.image.tags", List.of(container.imageTag()));
      }
      putIfNotEmpty(out, "container.runtime.name", container.runtime());
    }
    PodInfo pod = event.pod();
    if (pod != null) {
      out.put("k8s.pod.name", pod.name());
      putIfNotEmpty(out, "k8s.pod.uid", pod.uid());
      out.put("k8s.namespace.name", pod.namespace());
      for (PodInfo.Owner owner : pod.owners()) {
        String key = WORKLOAD_KINDS.get(owner.kind());
        if (key != null) {
          out.put(key, owner.name());
        }
      }
    }
    ProcessInfo process = event.process();
    out.put("process.pid", (long) process.pid());
    out.put("process.parent_pid", (long) process.ppid());
    // semantic conventions: the executable's file name, not the task name Falco's proc.name shows
    String exePath = process.exePath();
    putIfNotEmpty(
        out,
        "process.executable.name",
        exePath.isEmpty() ? process.name() : exePath.substring(exePath.lastIndexOf('/') + 1));
    putIfNotEmpty(out, "process.executable.path", process.exePath());
    out.put("process.command_line", process.cmdline());
    putIfNotEmpty(out, "process.working_directory", process.cwd());
    out.put("user.id", String.valueOf(event.user().uid()));
    String user = event.user().name();
    if (user != null) {
      out.put("user.name", user);
    }
    if (event.event() instanceof NetworkEvent net) {
      network(net, out);
    }
  }

  private static void network(NetworkEvent net, Map<String, Object> out) {
    switch (net.family()) {
      case 1 -> out.put("network.transport", "unix");
      case 2 -> out.put("network.type", "ipv4");
      case 10 -> out.put("network.type", "ipv6");
      default -> {}
    }
    switch (net.protocol()) {
      case 6 -> out.put("network.transport", "tcp");
      case 17 -> out.put("network.transport", "udp");
      default -> {}
    }
    endpoint(net.local(), "network.local", out);
    endpoint(net.remote(), "network.peer", out);
  }

  private static void endpoint(
      @Nullable SocketAddress address, String prefix, Map<String, Object> out) {
    if (address == null) {
      return;
    }
    if (address.address() != null) {
      out.put(prefix + ".address", IpText.of(address.address()));
      out.put(prefix + ".port", (long) address.port());
    } else if (address.unixPath() != null) {
      out.put(prefix + ".address", address.unixPath());
    }
  }

  private static void putIfNotEmpty(Map<String, Object> out, String key, String value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }

  /** An output field's value as an attribute value, or null when it has none. */
  static @Nullable Object attributeValue(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Boolean b -> b;
      case Long l -> l;
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case Double d -> d;
      case Float f -> f.doubleValue();
      case Collection<?> items -> {
        List<String> strings = new ArrayList<>(items.size());
        items.forEach(item -> strings.add(String.valueOf(item)));
        yield List.copyOf(strings);
      }
      default -> value.toString();
    };
  }
}
