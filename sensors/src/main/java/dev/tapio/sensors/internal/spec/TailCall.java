package dev.tapio.sensors.internal.spec;

import java.util.List;
import java.util.Set;

/**
 * A slot of a program array in a sensor's object and the program of the same object the loader puts
 * there once the object is loaded, before anything attaches: programs that {@code bpf_tail_call}
 * into it find it there (an initializer in the object would be lost by bpftool's static linker).
 *
 * @param map the {@code BPF_MAP_TYPE_PROG_ARRAY} map
 * @param slot the index the BPF side tail-calls
 * @param program the program it reaches (no hook attaches it)
 * @param callers the programs that tail-call it: it is loaded, and its slot filled, only with one
 *     of them (a tail call stays within one program type, so each type has its own)
 */
public record TailCall(String map, int slot, String program, List<String> callers) {
  public TailCall {
    callers = List.copyOf(callers);
  }

  /** Whether a program being loaded calls it. */
  public boolean neededBy(Set<String> loading) {
    return callers.stream().anyMatch(loading::contains);
  }
}
