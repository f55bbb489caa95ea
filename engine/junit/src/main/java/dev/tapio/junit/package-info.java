/** Rule test cases as JUnit dynamic tests: the one Tapio module that needs JUnit to compile. */
@NullMarked
package dev.tapio.junit;

import org.jspecify.annotations.NullMarked;
