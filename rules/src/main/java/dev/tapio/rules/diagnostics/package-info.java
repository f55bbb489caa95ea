/**
 * Load diagnostics as values: every error and warning found while loading rule files, with a code,
 * a constant message, a chain of locations and a source snippet; rendered as text or JSON.
 */
@NullMarked
package dev.tapio.rules.diagnostics;

import org.jspecify.annotations.NullMarked;
