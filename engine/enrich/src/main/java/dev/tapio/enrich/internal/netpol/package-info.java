/** Compiled NetworkPolicies, the pod index they are evaluated against, and the informers. */
@NullMarked
package dev.tapio.enrich.internal.netpol;

import org.jspecify.annotations.NullMarked;
