package dev.tapio.sensors.internal.decode;

import java.util.List;
import java.util.Map;

/** Names of coded syscall arguments, as Falco renders them ({@code PTRACE_ATTACH}). */
final class SyscallNames {
  private SyscallNames() {}

  private static final Map<Long, String> PTRACE =
      Map.ofEntries(
          Map.entry(0L, "PTRACE_TRACEME"),
          Map.entry(1L, "PTRACE_PEEKTEXT"),
          Map.entry(2L, "PTRACE_PEEKDATA"),
          Map.entry(3L, "PTRACE_PEEKUSR"),
          Map.entry(4L, "PTRACE_POKETEXT"),
          Map.entry(5L, "PTRACE_POKEDATA"),
          Map.entry(6L, "PTRACE_POKEUSR"),
          Map.entry(7L, "PTRACE_CONT"),
          Map.entry(8L, "PTRACE_KILL"),
          Map.entry(9L, "PTRACE_SINGLESTEP"),
          Map.entry(12L, "PTRACE_GETREGS"),
          Map.entry(13L, "PTRACE_SETREGS"),
          Map.entry(14L, "PTRACE_GETFPREGS"),
          Map.entry(15L, "PTRACE_SETFPREGS"),
          Map.entry(16L, "PTRACE_ATTACH"),
          Map.entry(17L, "PTRACE_DETACH"),
          Map.entry(18L, "PTRACE_GETFPXREGS"),
          Map.entry(19L, "PTRACE_SETFPXREGS"),
          Map.entry(24L, "PTRACE_SYSCALL"),
          Map.entry(30L, "PTRACE_ARCH_PRCTL"),
          Map.entry(31L, "PTRACE_SYSEMU"),
          Map.entry(32L, "PTRACE_SYSEMU_SINGLESTEP"),
          Map.entry(33L, "PTRACE_SINGLEBLOCK"),
          Map.entry(0x4200L, "PTRACE_SETOPTIONS"),
          Map.entry(0x4201L, "PTRACE_GETEVENTMSG"),
          Map.entry(0x4202L, "PTRACE_GETSIGINFO"),
          Map.entry(0x4203L, "PTRACE_SETSIGINFO"),
          Map.entry(0x4204L, "PTRACE_GETREGSET"),
          Map.entry(0x4205L, "PTRACE_SETREGSET"),
          Map.entry(0x4206L, "PTRACE_SEIZE"),
          Map.entry(0x4207L, "PTRACE_INTERRUPT"),
          Map.entry(0x4208L, "PTRACE_LISTEN"),
          Map.entry(0x4209L, "PTRACE_PEEKSIGINFO"),
          Map.entry(0x420aL, "PTRACE_GETSIGMASK"),
          Map.entry(0x420bL, "PTRACE_SETSIGMASK"),
          Map.entry(0x420cL, "PTRACE_SECCOMP_GET_FILTER"),
          Map.entry(0x420dL, "PTRACE_SECCOMP_GET_METADATA"),
          Map.entry(0x420eL, "PTRACE_GET_SYSCALL_INFO"));

  /** {@code enum bpf_cmd}, by value. */
  private static final List<String> BPF_COMMANDS =
      List.of(
          "BPF_MAP_CREATE",
          "BPF_MAP_LOOKUP_ELEM",
          "BPF_MAP_UPDATE_ELEM",
          "BPF_MAP_DELETE_ELEM",
          "BPF_MAP_GET_NEXT_KEY",
          "BPF_PROG_LOAD",
          "BPF_OBJ_PIN",
          "BPF_OBJ_GET",
          "BPF_PROG_ATTACH",
          "BPF_PROG_DETACH",
          "BPF_PROG_TEST_RUN",
          "BPF_PROG_GET_NEXT_ID",
          "BPF_MAP_GET_NEXT_ID",
          "BPF_PROG_GET_FD_BY_ID",
          "BPF_MAP_GET_FD_BY_ID",
          "BPF_OBJ_GET_INFO_BY_FD",
          "BPF_PROG_QUERY",
          "BPF_RAW_TRACEPOINT_OPEN",
          "BPF_BTF_LOAD",
          "BPF_BTF_GET_FD_BY_ID",
          "BPF_TASK_FD_QUERY",
          "BPF_MAP_LOOKUP_AND_DELETE_ELEM",
          "BPF_MAP_FREEZE",
          "BPF_BTF_GET_NEXT_ID",
          "BPF_MAP_LOOKUP_BATCH",
          "BPF_MAP_LOOKUP_AND_DELETE_BATCH",
          "BPF_MAP_UPDATE_BATCH",
          "BPF_MAP_DELETE_BATCH",
          "BPF_LINK_CREATE",
          "BPF_LINK_UPDATE",
          "BPF_LINK_GET_FD_BY_ID",
          "BPF_LINK_GET_NEXT_ID",
          "BPF_ENABLE_STATS",
          "BPF_ITER_CREATE",
          "BPF_LINK_DETACH",
          "BPF_PROG_BIND_MAP");

  /** {@code enum bpf_prog_type}, by value, without the {@code BPF_PROG_TYPE_} prefix. */
  private static final List<String> BPF_PROG_TYPES =
      List.of(
          "UNSPEC",
          "SOCKET_FILTER",
          "KPROBE",
          "SCHED_CLS",
          "SCHED_ACT",
          "TRACEPOINT",
          "XDP",
          "PERF_EVENT",
          "CGROUP_SKB",
          "CGROUP_SOCK",
          "LWT_IN",
          "LWT_OUT",
          "LWT_XMIT",
          "SOCK_OPS",
          "SK_SKB",
          "CGROUP_DEVICE",
          "SK_MSG",
          "RAW_TRACEPOINT",
          "CGROUP_SOCK_ADDR",
          "LWT_SEG6LOCAL",
          "LIRC_MODE2",
          "SK_REUSEPORT",
          "FLOW_DISSECTOR",
          "CGROUP_SYSCTL",
          "RAW_TRACEPOINT_WRITABLE",
          "CGROUP_SOCKOPT",
          "TRACING",
          "STRUCT_OPS",
          "EXT",
          "LSM",
          "SK_LOOKUP",
          "SYSCALL",
          "NETFILTER");

  static String ptraceRequest(long request) {
    return PTRACE.getOrDefault(request, Long.toString(request));
  }

  static String bpfCommand(long cmd) {
    return cmd >= 0 && cmd < BPF_COMMANDS.size() ? BPF_COMMANDS.get((int) cmd) : Long.toString(cmd);
  }

  static String bpfProgramType(long type) {
    return type >= 0 && type < BPF_PROG_TYPES.size()
        ? "BPF_PROG_TYPE_" + BPF_PROG_TYPES.get((int) type)
        : Long.toString(type);
  }

  /**
   * userfaultfd's flags as names joined by {@code |}: {@code O_CLOEXEC}, {@code O_NONBLOCK} and
   * {@code UFFD_USER_MODE_ONLY}; bits without a name stay as a hex remainder; {@code 0} for none.
   */
  static String userfaultfdFlags(long flags) {
    List<String> names = new java.util.ArrayList<>();
    long rest = flags;
    for (var e : USERFAULTFD_FLAGS.entrySet()) {
      if ((rest & e.getKey()) != 0) {
        names.add(e.getValue());
        rest &= ~e.getKey();
      }
    }
    if (rest != 0) {
      names.add("0x" + Long.toHexString(rest));
    }
    return names.isEmpty() ? "0" : String.join("|", names);
  }

  private static final Map<Long, String> USERFAULTFD_FLAGS =
      new java.util.TreeMap<>(
          Map.of(0x80000L, "O_CLOEXEC", 0x800L, "O_NONBLOCK", 0x1L, "UFFD_USER_MODE_ONLY"));
}
