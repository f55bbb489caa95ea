/** The reader: YAML documents into positioned rule-file items, and nothing else. */
@NullMarked
package dev.tapio.rules.internal.reader;

import org.jspecify.annotations.NullMarked;
