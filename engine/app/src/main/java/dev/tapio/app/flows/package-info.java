/**
 * Flow telemetry in {@code tapio run}: which socket events become flows, the bounded table they are
 * counted in, and its export once per interval beside the alerts.
 */
@NullMarked
package dev.tapio.app.flows;

import org.jspecify.annotations.NullMarked;
