/**
 * The recorded-event format: events as YAML or JSON trees. {@code tapio record} writes one JSON
 * tree per line ({@link dev.tapio.recording.Recording}); {@code tapio replay} reads such files
 * back, and rule test cases write the same trees by hand, with defaults for whatever they leave out
 * ({@link dev.tapio.recording.EventReader}).
 */
@NullMarked
package dev.tapio.recording;

import org.jspecify.annotations.NullMarked;
