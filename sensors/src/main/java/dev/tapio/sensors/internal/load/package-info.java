/** Choosing mechanisms, loading and attaching sensors with fallbacks and retries, polling. */
@NullMarked
package dev.tapio.sensors.internal.load;

import org.jspecify.annotations.NullMarked;
