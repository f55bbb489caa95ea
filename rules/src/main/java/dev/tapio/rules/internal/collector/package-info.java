/**
 * The collector: rule-file items from every file, in load order, into one set; redefinition, {@code
 * append}, {@code override} and {@code enabled} applied.
 */
@NullMarked
package dev.tapio.rules.internal.collector;

import org.jspecify.annotations.NullMarked;
