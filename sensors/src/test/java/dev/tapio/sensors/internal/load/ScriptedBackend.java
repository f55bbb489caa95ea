package dev.tapio.sensors.internal.load;

import dev.tapio.sensors.internal.ffm.BpfException;
import dev.tapio.sensors.internal.ffm.RecordSource;
import dev.tapio.sensors.internal.spec.SensorSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A backend that refuses what a test tells it to: loading a program (as a verifier would) or
 * attaching it, permanently or a number of times with a transient errno. Records every call.
 */
public final class ScriptedBackend implements Backend {
  final Map<String, Integer> loadRefusals = new HashMap<>();
  final Map<String, Integer> attachRefusals = new HashMap<>();
  final Map<String, Deque<Integer>> transientAttach = new HashMap<>();
  final List<Set<String>> loads = new ArrayList<>();
  public final List<String> attached = new ArrayList<>();
  final List<Transport> transports = new ArrayList<>();
  public final List<String> detached = new ArrayList<>();
  public int closedObjects;
  BpfException abiMismatch;
  final Set<String> missingFunctions = new java.util.HashSet<>();
  final Map<String, List<String>> loadLogs = new HashMap<>();
  final Map<String, Integer> parameterCounts = new HashMap<>();

  /** The kernel's BTF lacks {@code function} (symbol drift, an older kernel). */
  public ScriptedBackend withoutFunction(String function) {
    missingFunctions.add(function);
    return this;
  }

  /** Refuses loading {@code program} as the verifier would, with libbpf's log lines. */
  public ScriptedBackend refuseLoad(String program, int errno, List<String> log) {
    loadLogs.put(program, log);
    return refuseLoad(program, errno);
  }

  /** The kernel's {@code function} takes {@code parameters} parameters (else one). */
  public ScriptedBackend withParameters(String function, int parameters) {
    parameterCounts.put(function, parameters);
    return this;
  }

  @Override
  public java.util.OptionalInt functionParameters(String name) {
    return missingFunctions.contains(name)
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(parameterCounts.getOrDefault(name, 1));
  }

  public ScriptedBackend refuseLoad(String program, int errno) {
    loadRefusals.put(program, errno);
    return this;
  }

  public ScriptedBackend refuseAttach(String program, int errno) {
    attachRefusals.put(program, errno);
    return this;
  }

  public ScriptedBackend failAttachTransiently(String program, int... errnos) {
    Deque<Integer> q = new ArrayDeque<>();
    for (int e : errnos) {
      q.add(e);
    }
    transientAttach.put(program, q);
    return this;
  }

  @Override
  public Loaded load(SensorSpec spec, Set<String> programs, Set<String> hooks, Transport transport)
      throws BpfException {
    loads.add(new LinkedHashSet<>(programs));
    transports.add(transport);
    if (abiMismatch != null) {
      throw abiMismatch;
    }
    for (String p : programs) {
      Integer errno = loadRefusals.get(p);
      if (errno != null) {
        throw new BpfException("load " + spec.name(), errno, loadLogs.getOrDefault(p, List.of()));
      }
    }
    return new Loaded() {
      @Override
      public AutoCloseable attach(String program) throws BpfException {
        Deque<Integer> q = transientAttach.get(program);
        if (q != null && !q.isEmpty()) {
          throw new BpfException("attach " + program, q.poll());
        }
        Integer errno = attachRefusals.get(program);
        if (errno != null) {
          throw new BpfException("attach " + program, errno);
        }
        attached.add(program);
        return () -> detached.add(program);
      }

      @Override
      public @Nullable RecordSource openSource() {
        return null;
      }

      @Override
      public long[] drops() {
        return new long[8];
      }

      @Override
      public long[] throttled() {
        return new long[8];
      }

      @Override
      public long[] fill() {
        return new long[2];
      }

      @Override
      public void close() {
        closedObjects++;
      }
    };
  }
}
