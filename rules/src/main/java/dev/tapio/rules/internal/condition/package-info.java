/**
 * Where the compiler's condition trees came from. The trees themselves are the grammar's records
 * ({@code dev.tapio.grammar.Expr}), carried unchanged from the parser to the generated predicates;
 * this package maps their nodes back to the rule or macro text and the YAML position they were
 * written at ({@link dev.tapio.rules.internal.condition.Origins}), and holds the questions every
 * pass asks of a check ({@link dev.tapio.rules.internal.condition.Conditions}).
 */
@NullMarked
package dev.tapio.rules.internal.condition;

import org.jspecify.annotations.NullMarked;
