/**
 * The condition tree the compiler works on: boolean nodes, checks, operands and values, each with
 * the place it came from. The grammar's AST is translated into it once, after parsing.
 */
@NullMarked
package dev.tapio.rules.internal.condition;

import org.jspecify.annotations.NullMarked;
