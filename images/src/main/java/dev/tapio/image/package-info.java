/**
 * Builds Tapio's container image offline: a jlinked JRE, libbpf and the C library from Debian
 * packages, and tapio.jar, written as a reproducible OCI image layout archive.
 */
@NullMarked
package dev.tapio.image;

import org.jspecify.annotations.NullMarked;
