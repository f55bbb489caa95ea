/**
 * The composition root: the {@code tapio} command line and the engine's life from start to stop.
 */
@NullMarked
package dev.tapio.app;

import org.jspecify.annotations.NullMarked;
