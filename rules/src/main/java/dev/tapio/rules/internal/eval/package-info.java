/** Predicate objects that evaluate compiled conditions over enriched events. */
@NullMarked
package dev.tapio.rules.internal.eval;

import org.jspecify.annotations.NullMarked;
