package dev.tapio.sensors.internal.spec;

import static dev.tapio.sensors.Mechanism.RAW_TRACEPOINT;
import static dev.tapio.sensors.Mechanism.TP_BTF;
import static dev.tapio.sensors.Mechanism.TRACEPOINT;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
              // Which exec syscall ran; without these every exec reports as execve.
              ProgramSpec.of(
                  "execveat_mark", Set.of("execveat"), TRACEPOINT, "tapio_enter_execveat"),
              ProgramSpec.of(
                  "execveat_unmark", Set.of("execveat"), TRACEPOINT, "tapio_enter_execve"),
              // Clone flags and the syscall name; without them forks are still reported.
              ProgramSpec.of("clone_args", Set.of("clone"), TRACEPOINT, "tapio_enter_clone"),
              ProgramSpec.of("clone3_args", Set.of("clone3"), TRACEPOINT, "tapio_enter_clone3"),
              ProgramSpec.of("fork_args", Set.of("fork"), TRACEPOINT, "tapio_enter_fork"),
              ProgramSpec.of("vfork_args", Set.of("vfork"), TRACEPOINT, "tapio_enter_vfork")));

  /** Syscalls that change names or attributes; each has an enter and an exit hook. */
  static final List<String> CHANGES =
      List.of(
          "rename",
          "renameat",
          "renameat2",
          "unlink",
          "unlinkat",
          "rmdir",
          "mkdir",
          "mkdirat",
          "chmod",
          "fchmodat",
          "fchmod",
          "symlink",
          "symlinkat",
          "link",
          "linkat");

  /** File opens and changes to names and attributes, enter and exit paired per thread. */
  public static final SensorSpec FILE =
      new SensorSpec(
          "file",
          "file.bpf.o",
          Stream.concat(Stream.of("open", "openat", "openat2", "creat"), CHANGES.stream())
              .flatMap(SensorCatalog::pairedSyscall)
              .toList());

  /** The sys_enter and sys_exit hooks of one syscall, attached as classic tracepoints. */
  private static Stream<ProgramSpec> pairedSyscall(String syscall) {
    return Stream.of("enter", "exit")
        .map(
            side ->
                ProgramSpec.of(
                    "sys_" + side + "_" + syscall,
                    Set.of(syscall),
                    TRACEPOINT,
                    "tapio_" + side + "_" + syscall));
  }

  public static final List<SensorSpec> ALL = List.of(PROCESS, FILE);
}
