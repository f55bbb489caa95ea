package dev.tapio.sensors.internal.spec;

import static dev.tapio.sensors.Mechanism.FENTRY;
import static dev.tapio.sensors.Mechanism.RAW_TRACEPOINT;
import static dev.tapio.sensors.Mechanism.TP_BTF;
import static dev.tapio.sensors.Mechanism.TRACEPOINT;

import dev.tapio.api.event.CgroupCreated;
import dev.tapio.sensors.internal.abi.Abi.ChangeSyscall;
import dev.tapio.sensors.internal.abi.Abi.ForkSyscall;
import dev.tapio.sensors.internal.abi.Abi.LsmSyscall;
import dev.tapio.sensors.internal.abi.Abi.OpenSyscall;
import dev.tapio.sensors.internal.abi.Abi.PrivSyscall;
import dev.tapio.sensors.internal.decode.FileChanges;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Every sensor, in one place. Adding a sensor: write its hooks under {@code bpf/} (one file each),
 * link them into an object in {@code bpf/Makefile}, describe it here, decode its records in {@code
 * EventDecoder}.
 */
public final class SensorCatalog {
  private SensorCatalog() {}

  private static final dev.tapio.sensors.Mechanism LSM_HOOK = dev.tapio.sensors.Mechanism.LSM;

  static final Set<String> EXEC = Set.of("execve", "execveat");

  /** Every syscall {@code enum tapio_fork_syscall} names. */
  static final Set<String> FORK =
      Stream.of(ForkSyscall.values())
          .filter(s -> s != ForkSyscall.UNKNOWN)
          .map(ForkSyscall::label)
          .collect(Collectors.toUnmodifiableSet());

  static final Set<String> EXIT = Set.of("procexit");

  /**
   * The kernel functions that run where sched_process_exec and sched_process_fork fire, and the
   * fentry programs there: the loader of every binary format calls {@code finalize_exec} once the
   * new program's memory is laid out, and every fork wakes its child with {@code wake_up_new_task}.
   */
  /**
   * Exec where bpf is in the kernel's LSM list: the BPF LSM hook after every LSM let the exec
   * through and its credentials are committed (the attach target is its BTF stub).
   */
  static final Attachment EXEC_LSM =
      Attachment.at(LSM_HOOK, "bpf_lsm_bprm_committed_creds", "tapio_exec_lsm");

  static final Attachment EXEC_FENTRY = Attachment.at(FENTRY, "finalize_exec", "tapio_exec_fentry");

  /**
   * The clone flags of fork, vfork, clone and clone3 at the function all four call with them
   * decoded, one program for the four; fork and vfork's own functions are aliases the BTF lacks.
   */
  static final Attachment CLONE_FENTRY =
      Attachment.at(FENTRY, "kernel_clone", "tapio_clone_fentry");

  static final Attachment FORK_FENTRY =
      Attachment.at(FENTRY, "wake_up_new_task", "tapio_fork_fentry");

  /**
   * Process lifecycle: exec, fork/clone, exit. Exec on BPF LSM where bpf is in the kernel's LSM
   * list; exec and fork on the fentry of the kernel function where their tracepoint fires, where
   * the kernel allows it; else on the tracepoint.
   */
  public static final SensorSpec PROCESS =
      new SensorSpec(
          "process",
          "process.bpf.o",
          List.of(
              schedHook("exec", EXEC, EXEC_LSM, EXEC_FENTRY),
              schedHook("fork", FORK, FORK_FENTRY),
              schedHook("exit", EXIT),
              // A cgroup's path at its creation: a short-lived container's events still name it.
              ProgramSpec.of(
                  "cgroup",
                  Set.of(CgroupCreated.TYPE),
                  TP_BTF,
                  "tapio_cgroup_btf",
                  RAW_TRACEPOINT,
                  "tapio_cgroup_raw"),
              // Which exec syscall ran; without these every exec reports as execve.
              syscallEnter("execveat_mark", "execveat", "execveat"),
              syscallEnter("execveat_unmark", "execveat", "execve"),
              // Clone flags and the syscall name; without them forks are still reported.
              syscallEnter("clone_args", "clone", "clone", CLONE_FENTRY),
              syscallEnter("clone3_args", "clone3", "clone3", CLONE_FENTRY),
              syscallEnter("fork_args", "fork", "fork", CLONE_FENTRY),
              syscallEnter("vfork_args", "vfork", "vfork", CLONE_FENTRY)),
          MapSpec.COMMON);

  /**
   * A non-syscall tracepoint hook (or raw sys_exit) in its three flavors, best first: {@code
   * tapio_<hook>_btf} (tp_btf), {@code tapio_<hook>_raw} (raw_tp), {@code tapio_<hook>_tp}
   * (tracepoint); after {@code better} rungs on kernel functions, where the hook has them.
   */
  private static ProgramSpec schedHook(String hook, Set<String> eventTypes, Attachment... better) {
    String p = "tapio_" + hook;
    List<Attachment> flavors =
        ProgramSpec.of(
                hook,
                eventTypes,
                TP_BTF,
                p + "_btf",
                RAW_TRACEPOINT,
                p + "_raw",
                TRACEPOINT,
                p + "_tp")
            .ladder();
    return new ProgramSpec(
        hook, eventTypes, Stream.concat(Stream.of(better), flavors.stream()).toList());
  }

  /** The entry of {@code syscall}, needed when {@code eventType} is; {@code better} rungs first. */
  private static ProgramSpec syscallEnter(
      String hook, String eventType, String syscall, Attachment... better) {
    return syscallHook(hook, Set.of(eventType), syscall, "tapio_enter_" + syscall, null, better);
  }

  /**
   * A syscall's hook written once for two flavors ({@code TAPIO_SYSCALL_ENTER} and {@code
   * TAPIO_SYSCALL_EXIT} in {@code bpf/lib/syscall.h}): at the fentry and fexit of the kernel
   * function the syscall enters through where the kernel allows fentry, so that no syscall is put
   * on the tracepoint slow path; else at its sys_enter and sys_exit tracepoints. {@code enter} and
   * {@code exit} name the tracepoint programs (either may be null), their kernel-function flavors
   * the same with {@code _fentry} and {@code _fexit}.
   */
  static ProgramSpec syscallHook(
      String hook,
      Set<String> eventTypes,
      String syscall,
      @Nullable String enter,
      @Nullable String exit,
      Attachment... better) {
    List<String> tracepoint = new ArrayList<>();
    List<String> function = new ArrayList<>();
    if (enter != null) {
      tracepoint.add(enter);
      function.add(enter + "_fentry");
    }
    if (exit != null) {
      tracepoint.add(exit);
      function.add(exit + "_fexit");
    }
    List<Attachment> ladder = new ArrayList<>(List.of(better));
    ladder.add(new Attachment(FENTRY, function, Arch.current().syscallFunction(syscall)));
    ladder.add(new Attachment(TRACEPOINT, tracepoint, null));
    return new ProgramSpec(hook, eventTypes, ladder).onSyscall(numbered(syscall));
  }

  /**
   * Syscalls that open files ({@code enum tapio_open_syscall}); each has an enter and an exit hook,
   * named after it, as the changes ({@code enum tapio_change_syscall}) have.
   */
  static final List<String> OPENS =
      Stream.of(OpenSyscall.values()).map(OpenSyscall::label).toList();

  /** The kernel function every open syscall calls, and the fexit program there. */
  static final String OPEN_FUNCTION = "do_sys_openat2";

  static final String OPEN_FEXIT = "tapio_fexit_open";

  /**
   * Which open syscalls the one program at {@link #OPEN_FUNCTION} reports, given the programs
   * loaded and the hooks they serve ({@code struct tapio_constants.open_syscalls}): bit {@code 1 <<
   * enum tapio_open_syscall} of each open hook asked for whose tracepoints are not loaded instead.
   * That program sees every open; with only creat asked for, the others are not records.
   */
  public static int openSyscallsAtFunction(Set<String> programs, Set<String> hooks) {
    if (!programs.contains(OPEN_FEXIT)) {
      return 0;
    }
    int mask = 0;
    for (OpenSyscall s : OpenSyscall.values()) {
      if (hooks.contains(s.label()) && !programs.contains("tapio_exit_" + s.label())) {
        mask |= 1 << s.value();
      }
    }
    return mask;
  }

  /**
   * File opens, and changes at the entry and exit of their syscalls (at the kernel function or the
   * tracepoints).
   */
  private static final List<ProgramSpec> FILE_HOOKS =
      Stream.concat(
              OPENS.stream().map(SensorCatalog::open),
              Stream.of(ChangeSyscall.values())
                  .map(
                      c ->
                          syscallHook(
                              c.label(),
                              Set.of(FileChanges.eventType(c)),
                              c.label(),
                              "tapio_enter_" + c.label(),
                              "tapio_exit_" + c.label())))
          .toList();

  /**
   * The file sensor's dentry walkers ({@code bpf/lib/walker.h}): the exit programs tail-call one
   * through slot 0 of a program array, so the walk is verified once, not once per exit; the
   * tracepoint exits {@code tapio_walker}, the changes' fexit programs on their syscall functions
   * {@code tapio_fn_walker} (a tail call stays within one program type).
   */
  static final TailCall FILE_WALKER =
      new TailCall("tapio_walkers", 0, "tapio_walker", exits(TRACEPOINT));

  static final TailCall FILE_FN_WALKER =
      new TailCall(
          "tapio_fn_walkers",
          0,
          "tapio_fn_walker",
          exits(FENTRY).stream().filter(p -> p.endsWith("_fexit")).toList());

  /** The programs of the file hooks' rungs on {@code mechanism} that report at an exit. */
  private static List<String> exits(dev.tapio.sensors.Mechanism mechanism) {
    return FILE_HOOKS.stream()
        .flatMap(p -> p.ladder().stream())
        .filter(a -> a.mechanism() == mechanism)
        .flatMap(a -> a.programs().stream())
        .filter(p -> !p.startsWith("tapio_enter_") && !p.equals(OPEN_FEXIT))
        .distinct()
        .toList();
  }

  /**
   * File opens and changes to names and attributes. An open is seen at the fexit of the kernel
   * function all open syscalls call (one program for the four), else by its syscall's sys_enter and
   * sys_exit tracepoints paired per thread; a change at the fentry and fexit of its syscall's
   * function, else by its tracepoint pair. Paths are walked by {@link #FILE_WALKER} and {@link
   * #FILE_FN_WALKER}.
   */
  public static final SensorSpec FILE =
      new SensorSpec(
              "file",
              "file.bpf.o",
              FILE_HOOKS,
              java.util.stream.Stream.concat(MapSpec.COMMON.stream(), MapSpec.FILTER.stream())
                  .toList())
          .withTailCalls(FILE_WALKER, FILE_FN_WALKER);

  /** An open syscall: fexit of the kernel function, else its tracepoint pair. */
  private static ProgramSpec open(String syscall) {
    return ProgramSpec.ladder(
            syscall,
            Set.of(syscall),
            Attachment.at(FENTRY, OPEN_FUNCTION, OPEN_FEXIT),
            Attachment.of(TRACEPOINT, "tapio_enter_" + syscall, "tapio_exit_" + syscall))
        .onSyscall(numbered(syscall));
  }

  /** Module loads: no tracepoints of their own (see {@code bpf/priv/module.c}). */
  static final Set<PrivSyscall> MODULE_LOADS =
      Set.of(PrivSyscall.INIT_MODULE, PrivSyscall.FINIT_MODULE);

  /**
   * Module loads at the entry of their two syscall functions, a program each (looked up by the
   * second: a kernel with module support has both), where the kernel allows fentry; else the raw
   * sys_enter tracepoint, which puts every syscall on the slow path.
   */
  static final Attachment MODULE_FENTRY =
      new Attachment(
          FENTRY,
          List.of("tapio_module_init_fentry", "tapio_module_finit_fentry"),
          Arch.current().syscallFunction("finit_module"));

  /**
   * The hooks whose tracepoint flavors are the raw {@code sys_enter} or {@code sys_exit}, which
   * every syscall passes: the module loads and the seccomp errno refusals.
   */
  static final Set<String> RAW_SYSCALL_HOOKS = Set.of("module", "scmp_errno");

  /**
   * Whether {@code hook} of {@code sensor}, attached by {@code mechanism}, is on a syscall
   * tracepoint ({@code sys_enter_*}, {@code sys_exit_*}, raw {@code sys_enter}/{@code sys_exit}),
   * which puts every syscall of every task on the tracepoint slow path; the sched, signal, socket
   * and skb tracepoints do not.
   */
  public static boolean onSyscallTracepoint(
      String sensor, String hook, dev.tapio.sensors.Mechanism mechanism) {
    if (mechanism != TRACEPOINT && mechanism != TP_BTF && mechanism != RAW_TRACEPOINT) {
      return false;
    }
    return RAW_SYSCALL_HOOKS.contains(hook)
        || (mechanism == TRACEPOINT
            && ALL.stream()
                .filter(s -> s.name().equals(sensor))
                .flatMap(s -> s.programs().stream())
                .anyMatch(p -> p.hook().equals(hook) && p.syscall() != null));
  }

  /**
   * Whether {@code hook} of {@code sensor} misses syscalls entered through x86-64's 32-bit entry
   * (int 0x80, a 32-bit binary), on every tier: the kernel's syscall tracepoints skip them
   * (ARCH_TRACE_IGNORE_COMPAT_SYSCALLS), they enter through {@code __ia32_sys_*}, not the {@code
   * __x64_sys_*} function a syscall hook attaches to, and the hooks on shared kernel functions
   * ({@code do_sys_openat2}, {@code kernel_clone}, the security hooks) and the module loads' raw
   * {@code sys_enter} tell syscalls apart by their 64-bit numbers. Every hook of a syscall does;
   * exec, fork, exit, the SIGSYS and errno of seccomp and the socket and packet tracepoints see
   * them (seccomp's syscall number is then the 32-bit table's).
   */
  public static boolean missesCompatSyscalls(String sensor, String hook) {
    return ALL.stream()
        .filter(s -> s.name().equals(sensor))
        .flatMap(s -> s.programs().stream())
        .anyMatch(p -> p.hook().equals(hook) && (p.syscall() != null || hook.equals("module")));
  }

  /**
   * Syscalls that change what a task may see or do ({@code enum tapio_priv_syscall}): namespaces,
   * root and mounts, credentials, ptrace, bpf program loads, each one hook named after it (its
   * entry and exit, at the kernel function or the tracepoints); module loads at their syscall
   * functions ({@link #MODULE_FENTRY}), else through one filtered raw {@code sys_enter} program.
   */
  public static final SensorSpec PRIVILEGE =
      new SensorSpec(
              "privilege",
              "priv.bpf.o",
              Stream.concat(
                      Stream.of(PrivSyscall.values())
                          .filter(s -> !MODULE_LOADS.contains(s))
                          .flatMap(
                              s ->
                                  Stream.of(
                                      syscallHook(
                                          s.label(),
                                          privEventTypes(s),
                                          s.label(),
                                          "tapio_enter_" + s.label(),
                                          "tapio_exit_" + s.label()))),
                      Stream.of(
                          ProgramSpec.ladder(
                              "module",
                              Set.of("init_module", "finit_module"),
                              MODULE_FENTRY,
                              Attachment.of(TP_BTF, "tapio_module_btf"),
                              Attachment.of(RAW_TRACEPOINT, "tapio_module_raw"))))
                  .toList(),
              MapSpec.COMMON)
          .quiet();

  /** The event types a syscall's records have: its name, and umount2 for the umount hook. */
  static Set<String> privEventTypes(PrivSyscall s) {
    return s == PrivSyscall.UMOUNT ? Set.of("umount2", "umount") : Set.of(s.label());
  }

  static final Set<String> SECCOMP_EVENTS = Set.of("seccomp");

  /**
   * A filter's errno verdict where the kernel allows fexit: {@code __secure_computing} returns -1
   * for a syscall a filter refused, the errno already in the task's return register, and runs only
   * for tasks with a filter, so no syscall is put on the tracepoint slow path. A program per
   * prototype: {@code (const struct seccomp_data *sd)} in 5.10 to 6.12, {@code (void)} later.
   */
  static final Attachment SECCOMP_VERDICT =
      Attachment.flavored(
          FENTRY,
          "__secure_computing",
          Attachment.Flavor.of(1, "tapio_scmp_errno_fexit"),
          Attachment.Flavor.of(0, "tapio_scmp_errno_fexit_void"));

  /**
   * Seccomp violations: the SIGSYS of kill and trap (signal_generate, a non-syscall tracepoint),
   * and the errno refusals: the filter's verdict at the fexit of {@link #SECCOMP_VERDICT}'s
   * function, else the probable ones at raw sys_exit (every syscall's exit, filtered on the return
   * value first, every syscall on the slow path). Audit records come from the audit socket, not
   * from here.
   */
  public static final SensorSpec SECCOMP =
      new SensorSpec(
              "seccomp",
              "seccomp.bpf.o",
              List.of(
                  schedHook("sigsys", SECCOMP_EVENTS),
                  schedHook("scmp_errno", SECCOMP_EVENTS, SECCOMP_VERDICT)),
              MapSpec.COMMON)
          .quiet();

  static final Set<String> LSM_EVENTS = Set.of("lsm_denial");

  private static final Attachment FILE_OPEN_VERDICT =
      Attachment.at(FENTRY, "security_file_open", "tapio_deny_file_open");

  /**
   * Syscalls whose denials the LSMs' combined verdict gives: the security hook's fexit program, one
   * for the four opens.
   */
  static final Map<LsmSyscall, Attachment> VERDICTS =
      Map.of(
          LsmSyscall.OPEN, FILE_OPEN_VERDICT,
          LsmSyscall.OPENAT, FILE_OPEN_VERDICT,
          LsmSyscall.OPENAT2, FILE_OPEN_VERDICT,
          LsmSyscall.CREAT, FILE_OPEN_VERDICT,
          LsmSyscall.CONNECT,
              Attachment.at(FENTRY, "security_socket_connect", "tapio_deny_socket_connect"));

  /**
   * A syscall's denials: the combined verdict of the LSMs at the fexit of its security hook where
   * fentry is allowed and the syscall has one; else -EACCES/-EPERM at the exit of the syscall's
   * kernel function, else at its sys_exit.
   */
  private static ProgramSpec deny(LsmSyscall syscall) {
    String s = syscall.label();
    Attachment verdict = VERDICTS.get(syscall);
    Attachment[] better = verdict == null ? new Attachment[0] : new Attachment[] {verdict};
    return syscallHook("deny_" + s, LSM_EVENTS, s, null, "tapio_deny_" + s, better);
  }

  /**
   * LSM denials: the combined verdict of the security hooks where fentry is allowed, else
   * -EACCES/-EPERM at the exit of security-relevant syscalls; and the Landlock marker
   * (landlock_restrict_self) that ties them to Landlock.
   */
  public static final SensorSpec LSM =
      new SensorSpec(
              "lsm",
              "lsm.bpf.o",
              Stream.concat(
                      Stream.of(
                          syscallHook(
                              "landlock_mark",
                              LSM_EVENTS,
                              "landlock_restrict_self",
                              null,
                              "tapio_landlock_mark")),
                      Stream.of(LsmSyscall.values()).map(SensorCatalog::deny))
                  .toList(),
              MapSpec.COMMON)
          .quiet();

  /**
   * Sockets: connect (with the outcome of a non-blocking one), accept, bind, listen, the first
   * datagram of each UDP conversation, dup of a socket, and the end of TCP connections. The TCP
   * state tracepoint serves {@code connect_async} and {@code close}; it reports only sockets the
   * connect and accept hooks remembered, so those come along. Packets the kernel drops come from
   * {@code skb:kfree_skb}, with the reasons the kernel's BTF names ({@code tapio_drop_reasons}).
   */
  public static final SensorSpec NET =
      new SensorSpec(
          "net",
          "net.bpf.o",
          Stream.of(
                  Stream.of(
                      ProgramSpec.of(
                          "inet_sock_set_state",
                          Set.of("connect_async", "close"),
                          TP_BTF,
                          "tapio_sock_state_btf",
                          RAW_TRACEPOINT,
                          "tapio_sock_state_raw",
                          TRACEPOINT,
                          "tapio_sock_state_tp")),
                  syscallHooks("connect", Set.of("connect", "connect_async", "close"), true, true),
                  syscallHooks("accept", Set.of("accept", "close"), false, true),
                  syscallHooks("accept4", Set.of("accept4", "close"), false, true),
                  syscallHooks("bind", Set.of("bind"), true, true),
                  syscallHooks("listen", Set.of("listen"), true, true),
                  syscallHooks("sendto", Set.of("sendto"), true, true),
                  syscallHooks("recvfrom", Set.of("recvfrom"), true, true),
                  syscallHooks("dup", Set.of("dup"), true, true),
                  syscallHooks("dup2", Set.of("dup2"), true, true),
                  syscallHooks("dup3", Set.of("dup3"), true, true),
                  Stream.of(
                      ProgramSpec.of("kfree_skb", Set.of("drop"), TRACEPOINT, "tapio_kfree_skb")))
              .flatMap(h -> h)
              .toList(),
          Stream.concat(MapSpec.COMMON.stream(), Stream.of(MapSpec.DROP_REASONS)).toList());

  /** The entry and/or exit of one syscall, one hook named after it, serving {@code eventTypes}. */
  private static Stream<ProgramSpec> syscallHooks(
      String syscall, Set<String> eventTypes, boolean enter, boolean exit) {
    return Stream.of(
        syscallHook(
            syscall,
            eventTypes,
            syscall,
            enter ? "tapio_enter_" + syscall : null,
            exit ? "tapio_exit_" + syscall : null));
  }

  public static final List<SensorSpec> ALL = List.of(PROCESS, FILE, PRIVILEGE, SECCOMP, LSM, NET);

  /**
   * The syscall number a hook's tracepoints belong to: the tracepoints are named after the kernel's
   * {@code SYSCALL_DEFINE}, the numbers after {@code __NR_}, and for umount they differ.
   */
  private static String numbered(String syscall) {
    return syscall.equals("umount") ? "umount2" : syscall;
  }

  /**
   * The sensors on an architecture with these syscalls: each without the hooks of syscalls it does
   * not have (their tracepoints do not exist there).
   */
  public static List<SensorSpec> on(Predicate<String> hasSyscall) {
    return ALL.stream()
        .map(
            s ->
                new SensorSpec(
                    s.name(),
                    s.object(),
                    s.programs().stream().filter(p -> p.existsWith(hasSyscall)).toList(),
                    s.maps(),
                    s.ringShare(),
                    s.tailCalls()))
        .toList();
  }

  /** The hooks an architecture with these syscalls cannot have, by sensor, in catalog order. */
  public static Map<String, List<String>> absent(Predicate<String> hasSyscall) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (SensorSpec s : ALL) {
      List<String> hooks =
          s.programs().stream()
              .filter(p -> !p.existsWith(hasSyscall))
              .map(ProgramSpec::hook)
              .toList();
      if (!hooks.isEmpty()) {
        out.put(s.name(), hooks);
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
