/** Collects diagnostics while loading, with context chains and snippets. */
@NullMarked
package dev.tapio.rules.internal.report;

import org.jspecify.annotations.NullMarked;
