/**
 * The eBPF sensors: {@link dev.tapio.sensors.Sensors#open} returns a {@link
 * dev.tapio.sensors.SensorSet}, the {@link dev.tapio.api.spi.EventSource} the engine starts with
 * the event types its rules need; {@link dev.tapio.sensors.FeatureProbe#probe} says what the
 * running kernel allows.
 */
@NullMarked
package dev.tapio.sensors;

import org.jspecify.annotations.NullMarked;
