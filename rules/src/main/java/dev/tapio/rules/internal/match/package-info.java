/** String matching as libc and libsinsp do it: fnmatch globs, path prefixes, networks, hex. */
@NullMarked
package dev.tapio.rules.internal.match;

import org.jspecify.annotations.NullMarked;
