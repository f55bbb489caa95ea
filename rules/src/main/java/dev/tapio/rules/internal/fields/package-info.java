/**
 * The field catalog: every Falco field Tapio can extract from an {@link
 * dev.tapio.api.context.EnrichedEvent}, with its type and how it is read.
 */
@NullMarked
package dev.tapio.rules.internal.fields;

import org.jspecify.annotations.NullMarked;
