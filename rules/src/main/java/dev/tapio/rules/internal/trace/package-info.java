/** Explaining a condition's value for one event: a slow, second evaluation that records why. */
@NullMarked
package dev.tapio.rules.internal.trace;

import org.jspecify.annotations.NullMarked;
