package dev.tapio.alerts;

/**
 * The event names and attribute keys of flow telemetry's OTLP log records. Addresses, port,
 * transport and network type use the OpenTelemetry semantic-convention keys; the rest are Tapio's.
 */
public final class OtlpFlowAttributes {
  /** One aggregated flow over one interval. */
  public static final String FLOW_EVENT_NAME = "tapio.flow";

  /** The flow table's counters at the end of an interval: one record per interval. */
  public static final String TABLE_EVENT_NAME = "tapio.flow.table";

  public static final String SOURCE_WORKLOAD = "tapio.flow.source.workload";
  public static final String DESTINATION_WORKLOAD = "tapio.flow.destination.workload";
  public static final String SOURCE_ADDRESS = "source.address";
  public static final String DESTINATION_ADDRESS = "destination.address";
  public static final String DESTINATION_PORT = "destination.port";

  /** {@code tcp}, {@code udp}, {@code sctp} or the protocol number. */
  public static final String TRANSPORT = "network.transport";

  /** {@code ipv4} or {@code ipv6}, when an address is known. */
  public static final String NETWORK_TYPE = "network.type";

  /** {@code allowed}, {@code denied} or {@code no-policy}; absent when policy was not evaluated. */
  public static final String VERDICT = "tapio.flow.verdict";

  public static final String POLICY = "tapio.flow.policy";
  public static final String CONNECTIONS = "tapio.flow.connections";
  public static final String BYTES_OUT = "tapio.flow.bytes_out";
  public static final String BYTES_IN = "tapio.flow.bytes_in";
  public static final String PACKETS_OUT = "tapio.flow.packets_out";
  public static final String PACKETS_IN = "tapio.flow.packets_in";

  /** Packets of the flow the kernel dropped; present when there were any. */
  public static final String DROPS = "tapio.flow.drops";

  /**
   * Why, as {@code REASON=count} pairs by reason, comma-separated ({@code NETFILTER_DROP=2,
   * NO_SOCKET=1}); present with {@link #DROPS}.
   */
  public static final String DROP_REASONS = "tapio.flow.drop_reasons";

  /** The interval's start, epoch nanoseconds; the record's timestamp is its end. */
  public static final String INTERVAL_START = "tapio.flow.interval.start";

  /** Prefix of the table record's counters: {@code tapio.flow.table.evicted}, ... */
  public static final String TABLE_PREFIX = "tapio.flow.table.";

  private OtlpFlowAttributes() {}
}
