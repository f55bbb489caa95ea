/**
 * Extension points between the stages of the pipeline, each with no-op, composite and in-memory
 * versions.
 */
@NullMarked
package dev.tapio.api.spi;

import org.jspecify.annotations.NullMarked;
