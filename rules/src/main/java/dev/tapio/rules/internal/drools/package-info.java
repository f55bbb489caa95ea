/** Builds the Drools rule base of compiled rules with the executable-model API. */
@NullMarked
package dev.tapio.rules.internal.drools;

import org.jspecify.annotations.NullMarked;
