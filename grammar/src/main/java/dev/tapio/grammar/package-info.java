/**
 * The Falco condition language: a parser that accepts exactly what libsinsp's filter parser
 * accepts, and the sealed syntax tree it produces.
 *
 * <p>Entry points: {@link dev.tapio.grammar.FalcoConditionParser} parses a condition into an {@link
 * dev.tapio.grammar.Expr}, or an output-format token into a {@link dev.tapio.grammar.FieldExpr};
 * {@link dev.tapio.grammar.ConditionPrinter} renders a tree back to canonical condition text.
 * Syntax errors are {@link dev.tapio.grammar.ConditionSyntaxError} values whose messages are the
 * constants of {@link dev.tapio.grammar.SyntaxMessages}.
 */
@NullMarked
package dev.tapio.grammar;

import org.jspecify.annotations.NullMarked;
