package dev.tapio.enrich.flows;

/**
 * What the flow table did since it was built.
 *
 * @param observations observations recorded
 * @param flowsCreated distinct flows admitted into the table
 * @param ephemeralPortsCollapsed observations whose destination port was in the ephemeral range and
 *     counted as port 0
 * @param externalAddressesCollapsed observations with an address-only end past the interval's
 *     budget of distinct addresses, counted under {@code other-external}
 * @param flowsEvicted flows pushed out of a full table (least recently used first) and folded into
 *     the {@code overflow} bucket of their protocol and verdict
 * @param flowsFlushed flow records produced by flushes
 * @param size flows in the table now
 */
public record FlowTableMetrics(
    long observations,
    long flowsCreated,
    long ephemeralPortsCollapsed,
    long externalAddressesCollapsed,
    long flowsEvicted,
    long flowsFlushed,
    int size) {}
