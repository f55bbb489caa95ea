/**
 * JMH benchmarks of the engine's event path; run with {@code ./bench engine/app}, never in the test
 * suite.
 */
@NullMarked
package dev.tapio.app.bench;

import org.jspecify.annotations.NullMarked;
