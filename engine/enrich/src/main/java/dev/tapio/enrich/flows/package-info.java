/**
 * The bounded flow table: network observations aggregated per interval into flows between
 * workloads, flushed as {@link dev.tapio.api.event.NetworkFlow} records.
 */
@NullMarked
package dev.tapio.enrich.flows;

import org.jspecify.annotations.NullMarked;
