package dev.tapio.rules.internal.fields;

import dev.tapio.api.event.OpenFlags;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Names Falco prints for kernel numbers: capabilities, errnos, open flags. */
final class KernelNames {

  private KernelNames() {}

  static final List<String> CAPABILITIES =
      List.of(
          "CAP_CHOWN",
          "CAP_DAC_OVERRIDE",
          "CAP_DAC_READ_SEARCH",
          "CAP_FOWNER",
          "CAP_FSETID",
          "CAP_KILL",
          "CAP_SETGID",
          "CAP_SETUID",
          "CAP_SETPCAP",
          "CAP_LINUX_IMMUTABLE",
          "CAP_NET_BIND_SERVICE",
          "CAP_NET_BROADCAST",
          "CAP_NET_ADMIN",
          "CAP_NET_RAW",
          "CAP_IPC_LOCK",
          "CAP_IPC_OWNER",
          "CAP_SYS_MODULE",
          "CAP_SYS_RAWIO",
          "CAP_SYS_CHROOT",
          "CAP_SYS_PTRACE",
          "CAP_SYS_PACCT",
          "CAP_SYS_ADMIN",
          "CAP_SYS_BOOT",
          "CAP_SYS_NICE",
          "CAP_SYS_RESOURCE",
          "CAP_SYS_TIME",
          "CAP_SYS_TTY_CONFIG",
          "CAP_MKNOD",
          "CAP_LEASE",
          "CAP_AUDIT_WRITE",
          "CAP_AUDIT_CONTROL",
          "CAP_SETFCAP",
          "CAP_MAC_OVERRIDE",
          "CAP_MAC_ADMIN",
          "CAP_SYSLOG",
          "CAP_WAKE_ALARM",
          "CAP_BLOCK_SUSPEND",
          "CAP_AUDIT_READ",
          "CAP_PERFMON",
          "CAP_BPF",
          "CAP_CHECKPOINT_RESTORE");

  /** Capability names of a mask, separated by spaces, as {@code thread.cap_*} shows them. */
  static String capabilities(long mask) {
    StringJoiner j = new StringJoiner(" ");
    for (int i = 0; i < CAPABILITIES.size(); i++) {
      if ((mask & (1L << i)) != 0) {
        j.add(CAPABILITIES.get(i));
      }
    }
    return j.toString();
  }

  private static final Map<Integer, String> ERRNO =
      Map.ofEntries(
          Map.entry(1, "EPERM"),
          Map.entry(2, "ENOENT"),
          Map.entry(3, "ESRCH"),
          Map.entry(4, "EINTR"),
          Map.entry(5, "EIO"),
          Map.entry(6, "ENXIO"),
          Map.entry(7, "E2BIG"),
          Map.entry(8, "ENOEXEC"),
          Map.entry(9, "EBADF"),
          Map.entry(10, "ECHILD"),
          Map.entry(11, "EAGAIN"),
          Map.entry(12, "ENOMEM"),
          Map.entry(13, "EACCES"),
          Map.entry(14, "EFAULT"),
          Map.entry(16, "EBUSY"),
          Map.entry(17, "EEXIST"),
          Map.entry(18, "EXDEV"),
          Map.entry(19, "ENODEV"),
          Map.entry(20, "ENOTDIR"),
          Map.entry(21, "EISDIR"),
          Map.entry(22, "EINVAL"),
          Map.entry(23, "ENFILE"),
          Map.entry(24, "EMFILE"),
          Map.entry(25, "ENOTTY"),
          Map.entry(26, "ETXTBSY"),
          Map.entry(27, "EFBIG"),
          Map.entry(28, "ENOSPC"),
          Map.entry(29, "ESPIPE"),
          Map.entry(30, "EROFS"),
          Map.entry(31, "EMLINK"),
          Map.entry(32, "EPIPE"),
          Map.entry(36, "ENAMETOOLONG"),
          Map.entry(38, "ENOSYS"),
          Map.entry(39, "ENOTEMPTY"),
          Map.entry(40, "ELOOP"),
          Map.entry(88, "ENOTSOCK"),
          Map.entry(95, "EOPNOTSUPP"),
          Map.entry(97, "EAFNOSUPPORT"),
          Map.entry(98, "EADDRINUSE"),
          Map.entry(99, "EADDRNOTAVAIL"),
          Map.entry(100, "ENETDOWN"),
          Map.entry(101, "ENETUNREACH"),
          Map.entry(104, "ECONNRESET"),
          Map.entry(106, "EISCONN"),
          Map.entry(107, "ENOTCONN"),
          Map.entry(110, "ETIMEDOUT"),
          Map.entry(111, "ECONNREFUSED"),
          Map.entry(113, "EHOSTUNREACH"),
          Map.entry(114, "EALREADY"),
          Map.entry(115, "EINPROGRESS"));

  /** Clone flags that name namespaces, by bit, as Falco renders them. */
  private static final Map<Long, String> CLONE_NS =
      Map.of(
          0x00000080L, "CLONE_NEWTIME",
          0x00020000L, "CLONE_NEWNS",
          0x02000000L, "CLONE_NEWCGROUP",
          0x04000000L, "CLONE_NEWUTS",
          0x08000000L, "CLONE_NEWIPC",
          0x10000000L, "CLONE_NEWUSER",
          0x20000000L, "CLONE_NEWPID",
          0x40000000L, "CLONE_NEWNET");

  /** Namespace flags of unshare/setns ({@code CLONE_NEWNS|CLONE_NEWNET}); 0 when none. */
  static String cloneFlags(long flags) {
    StringJoiner j = new StringJoiner("|");
    long rest = flags;
    for (long bit = 1; bit != 0 && bit <= 0x80000000L; bit <<= 1) {
      String name = CLONE_NS.get(bit);
      if ((flags & bit) != 0 && name != null) {
        j.add(name);
        rest &= ~bit;
      }
    }
    if (rest != 0) {
      j.add("0x" + Long.toHexString(rest));
    }
    return flags == 0 ? "0" : j.toString();
  }

  /** {@code evt.res}: {@code SUCCESS} or the errno name of a negative result. */
  static String result(long result) {
    if (result >= 0) {
      return "SUCCESS";
    }
    return ERRNO.getOrDefault((int) -result, "E" + -result);
  }

  /** Open flags as Falco prints them: {@code O_WRONLY|O_CREAT|O_TRUNC}. */
  static String openFlags(int flags) {
    return OpenFlags.render(flags);
  }

  /** The mode bits of chmod by name, in Falco's order (its {@code chmod_mode} flag table). */
  private static final List<String> MODE_BITS =
      List.of(
          "S_IXOTH", "S_IWOTH", "S_IROTH", "S_IXGRP", "S_IWGRP", "S_IRGRP", "S_IXUSR", "S_IWUSR",
          "S_IRUSR", "S_ISVTX", "S_ISGID", "S_ISUID");

  /**
   * A chmod mode as Falco renders it: octal, then the names of the bits that are set, so {@code
   * evt.arg.mode contains S_ISUID} works: {@code 04755(S_IXOTH|S_IROTH|...|S_IRUSR|S_ISUID)}.
   */
  static String chmodMode(int mode) {
    StringJoiner names = new StringJoiner("|", "(", ")");
    names.setEmptyValue("");
    for (int bit = 0; bit < MODE_BITS.size(); bit++) {
      if ((mode & (1 << bit)) != 0) {
        names.add(MODE_BITS.get(bit));
      }
    }
    return (mode == 0 ? "0" : "0" + Integer.toOctalString(mode)) + names;
  }
}
