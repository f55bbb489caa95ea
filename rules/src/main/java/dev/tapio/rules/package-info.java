/**
 * Falco-language rule files into a Drools rule base: {@link dev.tapio.rules.RuleLoader} loads files
 * (reader, collector, compiler) into a {@link dev.tapio.rules.LoadReport} of diagnostics and
 * compiled rules; {@link dev.tapio.rules.CompiledRuleSet} holds the Drools rule base and opens
 * {@link dev.tapio.rules.RuleSession}s.
 */
@NullMarked
package dev.tapio.rules;

import org.jspecify.annotations.NullMarked;
