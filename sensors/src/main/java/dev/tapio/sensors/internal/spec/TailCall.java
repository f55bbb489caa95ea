package dev.tapio.sensors.internal.spec;

/**
 * A slot of a program array in a sensor's object and the program of the same object the loader puts
 * there once the object is loaded, before anything attaches: programs that {@code bpf_tail_call}
 * into it find it there (an initializer in the object would be lost by bpftool's static linker).
 *
 * @param map the {@code BPF_MAP_TYPE_PROG_ARRAY} map
 * @param slot the index the BPF side tail-calls
 * @param program the program it reaches, loaded with the object (no hook attaches it)
 */
public record TailCall(String map, int slot, String program) {}
