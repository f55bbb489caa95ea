package dev.tapio.sensors.internal.spec;

import dev.tapio.sensors.Mechanism;

/** One way to run a hook: a program in the sensor's object and the mechanism it attaches by. */
public record Attachment(Mechanism mechanism, String program) {}
