package dev.tapio.alerts.internal;

import static dev.tapio.alerts.OtlpFlowAttributes.*;

import dev.tapio.alerts.FlowReport;
import dev.tapio.api.event.IpText;
import dev.tapio.api.event.NetworkFlow;
import dev.tapio.api.event.SocketAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Maps one interval of flows to OTLP log records: one {@code tapio.flow} record per flow, then one
 * {@code tapio.flow.table} record with the table's counters. Severity is INFO: telemetry, not an
 * alert.
 */
public final class FlowMapper {
  static final int INFO = 9;

  private final LongSupplier clockNanos;

  public FlowMapper(LongSupplier clockNanos) {
    this.clockNanos = clockNanos;
  }

  public List<LogEntry> map(FlowReport report) {
    long observed = clockNanos.getAsLong();
    List<LogEntry> out = new ArrayList<>(report.flows().size() + 1);
    for (NetworkFlow flow : report.flows()) {
      out.add(entry(report.endNanos(), observed, body(flow), FLOW_EVENT_NAME, flow(report, flow)));
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put(INTERVAL_START, report.startNanos());
    report.counters().forEach((name, value) -> table.put(TABLE_PREFIX + name, value));
    String body =
        "flow table: "
            + report.flows().size()
            + " flows; "
            + report.counters().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    out.add(entry(report.endNanos(), observed, body, TABLE_EVENT_NAME, table));
    return out;
  }

  private static Map<String, Object> flow(FlowReport report, NetworkFlow flow) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put(SOURCE_WORKLOAD, flow.sourceWorkload());
    a.put(DESTINATION_WORKLOAD, flow.destinationWorkload());
    InetAddress source = flow.source().address();
    InetAddress destination = flow.destination().address();
    if (source != null) {
      a.put(SOURCE_ADDRESS, IpText.of(source));
    }
    if (destination != null) {
      a.put(DESTINATION_ADDRESS, IpText.of(destination));
    }
    a.put(DESTINATION_PORT, (long) flow.destination().port());
    a.put(TRANSPORT, transport(flow.protocol()));
    String type = networkType(destination != null ? destination : source);
    if (type != null) {
      a.put(NETWORK_TYPE, type);
    }
    if (!flow.verdict().isEmpty()) {
      a.put(VERDICT, flow.verdict());
    }
    if (flow.policy() != null) {
      a.put(POLICY, flow.policy());
    }
    a.put(CONNECTIONS, flow.connections());
    a.put(BYTES_OUT, flow.bytesOut());
    a.put(BYTES_IN, flow.bytesIn());
    a.put(PACKETS_OUT, flow.packetsOut());
    a.put(PACKETS_IN, flow.packetsIn());
    if (!flow.drops().isEmpty()) {
      a.put(DROPS, flow.droppedPackets());
      a.put(
          DROP_REASONS,
          new TreeMap<>(flow.drops())
              .entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(",")));
    }
    a.put(INTERVAL_START, report.startNanos());
    return a;
  }

  /** {@code Deployment:shop/web -> 10.0.0.7:443/tcp allowed: 3 connections}. */
  static String body(NetworkFlow flow) {
    SocketAddress d = flow.destination();
    String destination = flow.destinationWorkload();
    String port = d.port() == 0 ? "*" : Integer.toString(d.port());
    String target =
        (destination.contains(":") && d.address() instanceof Inet6Address
                ? "[" + destination + "]"
                : destination)
            + ":"
            + port
            + "/"
            + transport(flow.protocol());
    return flow.sourceWorkload()
        + " -> "
        + target
        + (flow.verdict().isEmpty() ? "" : " " + flow.verdict())
        + ": "
        + flow.connections()
        + (flow.connections() == 1 ? " connection" : " connections");
  }

  static String transport(int protocol) {
    return switch (protocol) {
      case 6 -> "tcp";
      case 17 -> "udp";
      case 132 -> "sctp";
      default -> Integer.toString(protocol);
    };
  }

  private static @Nullable String networkType(@Nullable InetAddress address) {
    if (address == null) {
      return null;
    }
    return address instanceof Inet6Address ? "ipv6" : "ipv4";
  }

  private static LogEntry entry(
      long time, long observed, String body, String eventName, Map<String, Object> attributes) {
    return new LogEntry(
        UUID.randomUUID().toString(),
        time,
        observed,
        INFO,
        "INFO",
        body,
        eventName,
        attributes,
        "",
        "");
  }
}
