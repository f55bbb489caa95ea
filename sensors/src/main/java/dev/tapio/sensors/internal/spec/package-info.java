/** Sensors as data: programs with their attachment ladders, maps, and the one list of sensors. */
@NullMarked
package dev.tapio.sensors.internal.spec;

import org.jspecify.annotations.NullMarked;
