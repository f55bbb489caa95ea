package dev.tapio.sensors.internal.spec;

import static dev.tapio.sensors.Mechanism.RAW_TRACEPOINT;
import static dev.tapio.sensors.Mechanism.TP_BTF;
import static dev.tapio.sensors.Mechanism.TRACEPOINT;

import java.util.List;
import java.util.Set;

/**
 * Every sensor, in one place. Adding a sensor: write its hooks under {@code bpf/} (one file each),
 * link them into an object in {@code bpf/Makefile}, describe it here, decode its records in {@code
 * EventDecoder}.
 */
public final class SensorCatalog {
  private SensorCatalog() {}

  static final Set<String> EXEC = Set.of("execve", "execveat");
  static final Set<String> FORK = Set.of("clone", "clone3", "fork", "vfork");
  static final Set<String> EXIT = Set.of("procexit");

  /** Process lifecycle: exec, fork/clone, exit. */
  public static final SensorSpec PROCESS =
      new SensorSpec(
          "process",
          "process.bpf.o",
          List.of(
              ProgramSpec.of(
                  "exec",
                  EXEC,
                  TP_BTF,
                  "tapio_exec_btf",
                  RAW_TRACEPOINT,
                  "tapio_exec_raw",
                  TRACEPOINT,
                  "tapio_exec_tp"),
              ProgramSpec.of(
                  "fork",
                  FORK,
                  TP_BTF,
                  "tapio_fork_btf",
                  RAW_TRACEPOINT,
                  "tapio_fork_raw",
                  TRACEPOINT,
                  "tapio_fork_tp"),
              ProgramSpec.of(
                  "exit",
                  EXIT,
                  TP_BTF,
                  "tapio_exit_btf",
                  RAW_TRACEPOINT,
                  "tapio_exit_raw",
                  TRACEPOINT,
                  "tapio_exit_tp"),
              // Clone flags and the syscall name; without them forks are still reported.
              ProgramSpec.of("clone_args", Set.of("clone"), TRACEPOINT, "tapio_enter_clone"),
              ProgramSpec.of("clone3_args", Set.of("clone3"), TRACEPOINT, "tapio_enter_clone3"),
              ProgramSpec.of("fork_args", Set.of("fork"), TRACEPOINT, "tapio_enter_fork"),
              ProgramSpec.of("vfork_args", Set.of("vfork"), TRACEPOINT, "tapio_enter_vfork")));

  /** File opens, enter and exit paired per thread. */
  public static final SensorSpec FILE =
      new SensorSpec(
          "file",
          "file.bpf.o",
          List.of(
              open("open", "tapio_enter_open"),
              open("open", "tapio_exit_open"),
              open("openat", "tapio_enter_openat"),
              open("openat", "tapio_exit_openat"),
              open("openat2", "tapio_enter_openat2"),
              open("openat2", "tapio_exit_openat2"),
              open("creat", "tapio_enter_creat"),
              open("creat", "tapio_exit_creat")));

  private static ProgramSpec open(String syscall, String program) {
    String hook = program.replace("tapio_", "sys_");
    return ProgramSpec.of(hook, Set.of(syscall), TRACEPOINT, program);
  }

  public static final List<SensorSpec> ALL = List.of(PROCESS, FILE);
}
