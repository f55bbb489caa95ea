package dev.tapio.sensors.internal.load;

import dev.tapio.api.spi.SourceStatus;
import dev.tapio.sensors.Feature;
import dev.tapio.sensors.FeatureProbe;
import dev.tapio.sensors.KernelFeatures;
import dev.tapio.sensors.Mechanism;
import dev.tapio.sensors.internal.ffm.BpfException;
import dev.tapio.sensors.internal.spec.Attachment;
import dev.tapio.sensors.internal.spec.ProgramSpec;
import dev.tapio.sensors.internal.spec.SensorSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads one sensor, walking each hook's ladder: mechanisms the feature probe refused are skipped; a
 * hook whose program fails to load or attach moves to its next mechanism and the object is loaded
 * again; transient errors are retried with backoff. A hook with no working mechanism is reported,
 * never fatal to the others.
 */
public final class SensorLoader {
  private static final int MAX_ROUNDS = 16;
  private static final System.Logger LOG = System.getLogger(SensorLoader.class.getName());

  private final Backend backend;
  private final Retry retry;

  public SensorLoader(Backend backend, Retry retry) {
    this.backend = backend;
    this.retry = retry;
  }

  /** Per hook: the ladder position being tried and the failures so far. */
  private static final class Hook {
    final ProgramSpec spec;
    int rung = -1;

    /** The programs of the current rung to load: a kernel function's, those of its prototype. */
    List<String> programs = List.of();

    final List<String> failures = new ArrayList<>();

    /** The failures of this hook itself, not of a feature the probe refused. */
    final List<String> fallbacks = new ArrayList<>();

    /** A rung on a kernel function the BTF does not have was skipped. */
    boolean functionMissing;

    /** The tracepoint rung failed for want of the tracepoint (attach: ENOENT). */
    boolean tracepointMissing;

    /**
     * Whether the hook failed because its syscall is not in this kernel: a kernel older than the
     * syscall (fchmodat2 before 6.6, landlock_restrict_self before 5.13) has neither its function
     * nor its tracepoints. Nothing is missed then: no task can make the call. A syscall whose
     * function alone is missing from the BTF (an alias, as fork's) still has its tracepoints.
     */
    boolean syscallNotInKernel(KernelFeatures features) {
      return spec.syscall() != null
          && !live()
          && tracepointMissing
          && (functionMissing || !features.supports(Mechanism.FENTRY.feature()));
    }

    Hook(ProgramSpec spec) {
      this.spec = spec;
    }

    boolean live() {
      return rung < spec.ladder().size();
    }

    Attachment current() {
      return spec.ladder().get(rung);
    }

    /**
     * Moves to the next rung the kernel supports, noting the skipped ones: a mechanism the feature
     * probe refused, or a kernel function its BTF does not describe or describes with a prototype
     * none of the rung's programs was written for. Of the probe's refusals, only BPF LSM left out
     * of the kernel's LSM list is this hook's fallback (the kernel has it).
     */
    void advance(KernelFeatures features, Backend backend) {
      rung++;
      while (live()) {
        Mechanism m = current().mechanism();
        String function = current().function();
        if (!features.supports(m.feature())) {
          String why = features.result(m.feature()).detail();
          failures.add(StatusMessages.NOT_SUPPORTED.formatted(m.label(), why));
          if (m == Mechanism.LSM && FeatureProbe.bpfLsmNotInList(why)) {
            // the kernel could run it, were it booted so: a fallback of this hook, said
            fallbacks.add(StatusMessages.BPF_LSM_NOT_ENABLED);
          }
        } else if (function == null) {
          programs = current().programs();
          return;
        } else {
          OptionalInt parameters = backend.functionParameters(function);
          Optional<List<String>> flavor =
              parameters.isPresent()
                  ? current().programsFor(parameters.getAsInt())
                  : Optional.empty();
          if (flavor.isPresent()) {
            programs = flavor.get();
            return;
          }
          functionMissing |= parameters.isEmpty();
          failures.add(
              parameters.isEmpty()
                  ? StatusMessages.NO_FUNCTION.formatted(m.label(), function)
                  : StatusMessages.OTHER_PROTOTYPE.formatted(
                      m.label(),
                      function,
                      StatusMessages.parameters(parameters.getAsInt()),
                      current().expectedParameters()));
          fallbacks.add(failures.getLast());
        }
        rung++;
      }
    }

    /** The rung failed: noted with the verifier's first and last words when it refused. */
    void fail(BpfException e, KernelFeatures features, Backend backend) {
      tracepointMissing |=
          current().mechanism() == Mechanism.TRACEPOINT
              && e.errno() == dev.tapio.sensors.internal.ffm.Errno.ENOENT;
      String verifier = VerifierLog.summary(e.log());
      failures.add(
          StatusMessages.FAILED.formatted(
              current().mechanism().label(),
              e.getMessage() + (verifier.isEmpty() ? "" : "; " + verifier)));
      fallbacks.add(failures.getLast());
      if (!e.log().isEmpty()) {
        LOG.log(
            System.Logger.Level.DEBUG,
            () -> spec.hook() + ": " + e.getMessage() + "\n" + String.join("\n", e.log()));
      }
      advance(features, backend);
    }
  }

  public LoadResult load(SensorSpec spec, KernelFeatures features, Set<String> eventTypes) {
    List<Hook> hooks =
        spec.programs().stream().filter(p -> p.wanted(eventTypes)).map(Hook::new).toList();
    if (hooks.isEmpty()) {
      return LoadResult.unavailable(StatusMessages.NOT_REQUESTED);
    }
    if (!features.supports(Feature.BTF)) {
      String why = features.result(Feature.BTF).detail();
      return LoadResult.unavailable(
          StatusMessages.GLOBAL_REASONS.contains(why)
                  || why.startsWith(StatusMessages.PROBE_CRASHED)
              ? why
              : StatusMessages.NO_BTF);
    }
    Transport transport;
    if (features.supports(Feature.RING_BUFFER)) {
      transport = Transport.RING_BUFFER;
    } else if (features.supports(Feature.PERF_BUFFER)) {
      transport = Transport.PERF_BUFFER;
    } else {
      return LoadResult.unavailable(StatusMessages.NO_BUFFERS);
    }
    hooks.forEach(h -> h.advance(features, backend));

    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Hook> active = hooks.stream().filter(Hook::live).toList();
      if (active.isEmpty()) {
        break;
      }
      Backend.Loaded loaded;
      try {
        loaded = retry.run(() -> backend.load(spec, programs(active), hooks(active), transport));
      } catch (Backend.AbiMismatchException e) {
        return LoadResult.unavailable(StatusMessages.ABI_MISMATCH.formatted(e.differences()));
      } catch (BpfException e) {
        blameLoad(spec, active, e, features, transport);
        continue;
      }
      List<AutoCloseable> links = new ArrayList<>();
      Set<String> attached = new HashSet<>();
      boolean reload = false;
      for (Hook h : active) {
        try {
          // a program several hooks share (one fexit for a syscall family) attaches once
          for (String program : h.programs) {
            if (!attached.contains(program)) {
              links.add(retry.run(() -> loaded.attach(program)));
              attached.add(program);
            }
          }
        } catch (BpfException e) {
          h.fail(e, features, backend);
          reload = true;
        }
      }
      if (!reload) {
        return result(hooks, loaded, links, transport, features);
      }
      closeAll(links);
      loaded.close();
    }
    return result(hooks, null, List.of(), transport, features);
  }

  /**
   * The object did not load. With one hook active it is to blame; with several, each is loaded
   * alone to find which (the others keep their mechanism).
   */
  private void blameLoad(
      SensorSpec spec,
      List<Hook> active,
      BpfException whole,
      KernelFeatures features,
      Transport transport) {
    if (active.size() == 1) {
      active.getFirst().fail(whole, features, backend);
      return;
    }
    boolean blamed = false;
    for (Hook h : active) {
      try {
        retry
            .run(() -> backend.load(spec, programs(List.of(h)), hooks(List.of(h)), transport))
            .close();
      } catch (BpfException e) {
        h.fail(e, features, backend);
        blamed = true;
      }
    }
    if (!blamed) {
      active.forEach(h -> h.fail(whole, features, backend));
    }
  }

  private static Set<String> hooks(List<Hook> active) {
    return active.stream()
        .map(h -> h.spec.hook())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Set<String> programs(List<Hook> active) {
    return active.stream()
        .flatMap(h -> h.programs.stream())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static LoadResult result(
      List<Hook> hooks,
      Backend.@org.jspecify.annotations.Nullable Loaded loaded,
      List<AutoCloseable> links,
      Transport transport,
      KernelFeatures features) {
    Map<String, Mechanism> chosen = new LinkedHashMap<>();
    Map<String, String> fallbacks = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    for (Hook h : hooks) {
      if (h.syscallNotInKernel(features)) {
        fallbacks.put(
            h.spec.hook(),
            StatusMessages.NOT_IN_KERNEL.formatted(
                java.util.Objects.requireNonNull(h.spec.syscall())));
      } else if (h.live() && loaded != null) {
        chosen.put(h.spec.hook(), h.current().mechanism());
        if (!h.fallbacks.isEmpty()) {
          fallbacks.put(h.spec.hook(), String.join(", ", h.fallbacks));
        }
      } else {
        failed.add(
            StatusMessages.HOOK_FAILED.formatted(h.spec.hook(), String.join(", ", h.failures)));
      }
    }
    String mechanisms =
        Arrays.stream(Mechanism.values())
                .filter(chosen::containsValue)
                .map(Mechanism::label)
                .collect(Collectors.joining("+"))
            + (transport == Transport.PERF_BUFFER ? StatusMessages.OVER_PERF_BUFFER : "");
    SourceStatus status;
    if (chosen.isEmpty() && failed.isEmpty()) {
      status = SourceStatus.unavailable(String.join("; ", fallbacks.values()));
    } else if (chosen.isEmpty()) {
      status = SourceStatus.unavailable(String.join("; ", failed));
    } else if (failed.isEmpty()) {
      status = SourceStatus.enabled(mechanisms);
    } else {
      status =
          SourceStatus.partial(
              mechanisms, StatusMessages.PARTIAL.formatted(String.join("; ", failed)));
    }
    return new LoadResult(status, chosen.isEmpty() ? null : loaded, links, chosen, fallbacks);
  }

  static void closeAll(List<AutoCloseable> links) {
    for (AutoCloseable l : links.reversed()) {
      try {
        l.close();
      } catch (Exception ignored) {
        // detaching failed: the kernel drops the link with the process anyway
      }
    }
  }
}
