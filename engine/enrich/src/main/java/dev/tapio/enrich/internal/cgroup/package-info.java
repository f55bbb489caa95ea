/** cgroup id to cgroup path to container id, for every runtime's path shapes. */
@NullMarked
package dev.tapio.enrich.internal.cgroup;

import org.jspecify.annotations.NullMarked;
