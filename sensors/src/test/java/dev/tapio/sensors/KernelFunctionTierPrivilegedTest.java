package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.sensors.internal.ffm.KernelFunctions;
import dev.tapio.sensors.internal.spec.Attachment;
import dev.tapio.sensors.internal.spec.ProgramSpec;
import dev.tapio.sensors.internal.spec.SensorCatalog;
import dev.tapio.sensors.internal.spec.SensorSpec;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every hook of the catalog with a kernel-function rung runs there wherever the kernel allows its
 * mechanism and its BTF has the function; a verifier refusal there is a defect, not a fallback to
 * live with (a missing function, symbol drift, is).
 */
@Tag("privileged")
class KernelFunctionTierPrivilegedTest {
  @Test
  void everyHookOnAKernelFunctionRunsThereWhereTheKernelAllows() {
    Privileged.assumeBpf();
    KernelFeatures features = FeatureProbe.probe();
    KernelFunctions functions = new KernelFunctions();
    Set<String> everything =
        SensorCatalog.ALL.stream()
            .flatMap(s -> s.programs().stream())
            .flatMap(p -> p.eventTypes().stream())
            .collect(Collectors.toSet());
    try (SensorSet sensors =
        Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 16).build())) {
      sensors.start(everything, new Privileged.Collector());
      Map<String, Map<String, Mechanism>> tiers = sensors.hookTiers();
      System.out.println("hook tiers: " + tiers);
      System.out.println("fallbacks: " + sensors.hookFallbacks());
      int onFunctions = 0;
      for (SensorSpec spec : SensorCatalog.ALL) {
        for (ProgramSpec p : spec.programs()) {
          Attachment best = p.ladder().getFirst();
          String function = best.function();
          if (function == null
              || !features.supports(best.mechanism().feature())
              || !functions.has(function)
              || best.programsFor(functions.parameters(function).getAsInt()).isEmpty()
              || !tiers.getOrDefault(spec.name(), Map.of()).containsKey(p.hook())) {
            continue;
          }
          onFunctions++;
          assertThat(tiers.get(spec.name()).get(p.hook()))
              .as(spec.name() + " " + p.hook() + " on " + function)
              .isEqualTo(best.mechanism());
        }
      }
      sensors
          .hookFallbacks()
          .forEach(
              (sensor, hooks) ->
                  hooks.forEach(
                      (hook, why) ->
                          assertThat(why).as(sensor + " " + hook).doesNotContain(" failed (")));
      System.out.println("hooks on kernel functions: " + onFunctions);
      System.out.println(
          "__secure_computing parameters: " + functions.parameters("__secure_computing"));
      if (features.supports(Feature.FENTRY) && functions.has("__secure_computing")) {
        // both of its prototypes (5.10 to 6.12, and 7.x's without a parameter) have a program
        assertThat(tiers.get("seccomp"))
            .as("seccomp's verdict at the fexit of __secure_computing")
            .containsEntry("scmp_errno", Mechanism.FENTRY);
      }
      if (features.supports(Feature.FENTRY) && functions.has("finalize_exec")) {
        assertThat(onFunctions).isPositive();
      }
    }
  }
}
