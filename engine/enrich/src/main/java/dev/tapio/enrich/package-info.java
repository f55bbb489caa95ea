/**
 * Enrichment: turns kernel events into enriched events with process lineage, user, container and
 * pod.
 */
@NullMarked
package dev.tapio.enrich;

import org.jspecify.annotations.NullMarked;
