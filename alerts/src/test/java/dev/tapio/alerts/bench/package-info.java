/** JMH benchmarks of the alert path; run with {@code ./bench alerts}, never in the test suite. */
@NullMarked
package dev.tapio.alerts.bench;

import org.jspecify.annotations.NullMarked;
