/**
 * The compiler: lists substituted and exceptions built as text (as Falco does), conditions parsed,
 * macros expanded on the tree, fields and operators checked, predicates built.
 */
@NullMarked
package dev.tapio.rules.internal.compiler;

import org.jspecify.annotations.NullMarked;
