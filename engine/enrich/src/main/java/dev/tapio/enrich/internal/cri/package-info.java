/** The Container Runtime Interface client and its asynchronous metadata cache. */
@NullMarked
package dev.tapio.enrich.internal.cri;

import org.jspecify.annotations.NullMarked;
