/**
 * Rule test cases: the YAML case format and the runner behind {@code tapio rules test}. Events come
 * in the recording format ({@code dev.tapio.recording}); the JUnit integration is {@code
 * dev.tapio.junit.RuleCases} (artifact {@code tapio-junit}).
 */
@NullMarked
package dev.tapio.testing;

import org.jspecify.annotations.NullMarked;
