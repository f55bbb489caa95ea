/** The {@code tapio} commands. */
@NullMarked
package dev.tapio.app.cli;

import org.jspecify.annotations.NullMarked;
