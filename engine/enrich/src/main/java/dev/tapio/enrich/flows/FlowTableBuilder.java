package dev.tapio.enrich.flows;

/** Builder of {@link FlowTable}; every setter checks its value. */
public final class FlowTableBuilder {
  int maxFlows = 16_384;
  int maxExternalAddresses = 1_024;
  int ephemeralPortsFrom = 32_768;

  FlowTableBuilder() {}

  /**
   * How many flows an interval keeps apart (16,384 by default, at least 16); past that the least
   * recently used go to the overflow buckets. About 145 bytes each.
   */
  public FlowTableBuilder maxFlows(int maxFlows) {
    if (maxFlows < 16) {
      throw new IllegalArgumentException("maxFlows must be at least 16, was " + maxFlows);
    }
    this.maxFlows = maxFlows;
    return this;
  }

  /**
   * How many distinct address-only ends (outside the cluster, or unknown) an interval keeps apart
   * (1,024 by default; 0 counts all of them as {@code other-external}).
   */
  public FlowTableBuilder maxExternalAddresses(int maxExternalAddresses) {
    if (maxExternalAddresses < 0) {
      throw new IllegalArgumentException(
          "maxExternalAddresses must not be negative, was " + maxExternalAddresses);
    }
    this.maxExternalAddresses = maxExternalAddresses;
    return this;
  }

  /**
   * The first ephemeral port: destination ports from here up are counted as port 0 (32,768 by
   * default, the start of Linux's {@code ip_local_port_range}; 65,536 keeps every port).
   */
  public FlowTableBuilder ephemeralPortsFrom(int port) {
    if (port < 1_024 || port > 65_536) {
      throw new IllegalArgumentException(
          "ephemeralPortsFrom must be within 1024..65536, was " + port);
    }
    this.ephemeralPortsFrom = port;
    return this;
  }

  public FlowTable build() {
    return new FlowTable(this);
  }
}
