package dev.tapio.api.context;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A process and its ancestors, nearest first: {@code get(0)} is the process itself, {@code get(1)}
 * its parent, and so on, as Falco's {@code proc.aname[N]} counts. Bounded by the process table's
 * depth limit; an ancestor that is not known ends the chain.
 */
public record Lineage(List<ProcessInfo> chain) {

  public Lineage {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a lineage holds at least the process itself");
    }
    chain = List.copyOf(chain);
  }

  public static Lineage of(ProcessInfo process) {
    return new Lineage(List.of(process));
  }

  public ProcessInfo process() {
    return chain.getFirst();
  }

  /** The ancestor at {@code level} (0 = the process itself), or null when not known. */
  public @Nullable ProcessInfo ancestor(int level) {
    return level >= 0 && level < chain.size() ? chain.get(level) : null;
  }

  public @Nullable ProcessInfo parent() {
    return ancestor(1);
  }
}
