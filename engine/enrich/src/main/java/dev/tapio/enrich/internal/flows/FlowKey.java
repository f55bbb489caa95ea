package dev.tapio.enrich.internal.flows;

/**
 * What flows are told apart by: source workload, destination workload or address, destination port
 * (0 for collapsed ephemeral ports), protocol and verdict. Never a source port or a pod address, so
 * the number of keys follows the number of workloads and services, not of connections.
 */
public record FlowKey(
    String source, String destination, int destinationPort, int protocol, String verdict) {}
