/**
 * libbpf and libc bound through the FFM API: method handles, errno capture, native lifetimes owned
 * by arenas, BTF reading and a ring-buffer reader that drains records in batches.
 */
@NullMarked
package dev.tapio.sensors.internal.ffm;

import org.jspecify.annotations.NullMarked;
