/**
 * The kernel↔Java ABI. {@code Abi} is generated at build time from the BTF of the compiled BPF code
 * (see {@code sensors/src/build/java/AbiGen.java}), so {@code bpf/include/events.h} is the only
 * place a record, offset or enum value is written; {@link AbiCheck} compares it with each object as
 * it loads.
 */
@NullMarked
package dev.tapio.sensors.internal.abi;

import org.jspecify.annotations.NullMarked;
