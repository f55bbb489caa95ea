/** Decoding ring-buffer records (bpf/include/events.h) into engine events. */
@NullMarked
package dev.tapio.sensors.internal.decode;

import org.jspecify.annotations.NullMarked;
