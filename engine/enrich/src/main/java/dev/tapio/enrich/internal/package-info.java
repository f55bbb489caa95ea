/** How the enricher combines the process table, cgroups and metadata sources. */
@NullMarked
package dev.tapio.enrich.internal;

import org.jspecify.annotations.NullMarked;
