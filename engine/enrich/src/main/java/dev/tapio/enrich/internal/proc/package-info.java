/**
 * The process table: per-process state fed by exec, fork and exit events and seeded from procfs;
 * user and group names.
 */
@NullMarked
package dev.tapio.enrich.internal.proc;

import org.jspecify.annotations.NullMarked;
