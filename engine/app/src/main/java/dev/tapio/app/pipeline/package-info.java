/** The event path: hand-off from the sensors, enrichment, rule matching, alert hand-off. */
@NullMarked
package dev.tapio.app.pipeline;

import org.jspecify.annotations.NullMarked;
