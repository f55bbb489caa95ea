/**
 * Kubernetes NetworkPolicy verdicts for connections: which policy lets a connection through, or
 * denies it, on each side (egress of the source pod, ingress of the destination pod).
 */
@NullMarked
package dev.tapio.enrich.netpol;

import org.jspecify.annotations.NullMarked;
