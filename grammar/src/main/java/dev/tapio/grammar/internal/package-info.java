/**
 * How conditions are parsed: the hand-written halves of the generated lexer and parser (mode
 * messages, predicates, depth guard), escape decoding, positions, and the tree builder.
 */
@NullMarked
package dev.tapio.grammar.internal;

import org.jspecify.annotations.NullMarked;
