/**
 * Rules that change while the engine runs: what the rule base is loaded from and when it changed
 * ({@link dev.tapio.app.reload.RuleInputs}), the live and shadow rule sets built from it ({@link
 * dev.tapio.app.reload.RuleBase}), the matcher that swaps them between two events ({@link
 * dev.tapio.app.reload.SwappableMatcher}), and what triggers a reload: file changes and SIGHUP.
 */
@NullMarked
package dev.tapio.app.reload;

import org.jspecify.annotations.NullMarked;
