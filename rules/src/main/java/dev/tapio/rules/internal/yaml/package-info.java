/** A YAML tree that keeps the source position of every node. */
@NullMarked
package dev.tapio.rules.internal.yaml;

import org.jspecify.annotations.NullMarked;
