/**
 * JMH benchmarks of enrichment; run with {@code ./bench engine/enrich}, never in the test suite.
 */
@NullMarked
package dev.tapio.enrich.bench;

import org.jspecify.annotations.NullMarked;
