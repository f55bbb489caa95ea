/** Delivery machinery and encoders behind the public sinks; not an API. */
@NullMarked
package dev.tapio.alerts.internal;

import org.jspecify.annotations.NullMarked;
