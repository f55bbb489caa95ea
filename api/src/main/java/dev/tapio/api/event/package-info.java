/** Events as the kernel reports them: one record per kind, each with a common header. */
@NullMarked
package dev.tapio.api.event;

import org.jspecify.annotations.NullMarked;
