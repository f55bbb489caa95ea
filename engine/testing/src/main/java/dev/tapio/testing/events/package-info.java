/**
 * Events as YAML or JSON trees: the form test cases write by hand (with defaults for whatever they
 * leave out) and the form {@code tapio record} writes, one JSON object per line.
 */
@NullMarked
package dev.tapio.testing.events;

import org.jspecify.annotations.NullMarked;
