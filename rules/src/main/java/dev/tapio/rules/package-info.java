/**
 * Falco-language rule files into a Drools rule base: {@link dev.tapio.rules.RuleLoader} loads files
 * (reader, collector, compiler) into a {@link dev.tapio.rules.LoadReport} of diagnostics and
 * compiled rules; {@link dev.tapio.rules.CompiledRuleSet} holds the Drools rule base; a {@link
 * dev.tapio.rules.MatchingSession} matches events against it, and each {@link
 * dev.tapio.rules.Match} renders its alert once the engine has completed the event. Everything else
 * is in {@code internal} packages.
 */
@NullMarked
package dev.tapio.rules;

import org.jspecify.annotations.NullMarked;
