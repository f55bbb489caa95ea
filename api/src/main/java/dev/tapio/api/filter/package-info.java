/**
 * The kernel filter: what the loaded rules can match, reduced to cheap facts the kernel checks
 * before it builds a record (path prefixes, suffixes and exact names, the open's access mode, its
 * success). Produced by the rules, applied by the sensors; conservative by construction.
 */
@NullMarked
package dev.tapio.api.filter;

import org.jspecify.annotations.NullMarked;
