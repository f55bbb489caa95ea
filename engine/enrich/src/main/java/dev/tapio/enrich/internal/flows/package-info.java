/** The flow table's keys and counters. */
@NullMarked
package dev.tapio.enrich.internal.flows;

import org.jspecify.annotations.NullMarked;
