/**
 * NetworkPolicies in the engine: the verdict every connection event carries to the rules and the
 * flows, and {@code tapio netpol suggest}, which writes policies from observed connections.
 */
@NullMarked
package dev.tapio.app.netpol;

import org.jspecify.annotations.NullMarked;
