/** Rule test cases: the YAML case format, the runner, and the JUnit integration. */
@NullMarked
package dev.tapio.testing;

import org.jspecify.annotations.NullMarked;
