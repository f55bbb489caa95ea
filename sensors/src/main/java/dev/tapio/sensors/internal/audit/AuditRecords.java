package dev.tapio.sensors.internal.audit;

import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.LsmDenial;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.event.SeccompViolation.Action;
import dev.tapio.sensors.internal.decode.SyscallTable;
import dev.tapio.sensors.internal.spec.Arch;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the text of kernel audit records into events: seccomp (type 1326), AppArmor and SELinux
 * denials (1400 AVC, 1107 USER_AVC) and Landlock denials (1423). Every other record type, and
 * records that are not denials, give null.
 *
 * <p>A record reads {@code audit(SECONDS.MILLIS:SERIAL): key=value key="quoted value" ...}.
 */
public final class AuditRecords {
  static final int SECCOMP = 1326;
  static final int AVC = 1400;
  static final int USER_AVC = 1107;
  static final int LANDLOCK_ACCESS = 1423;

  // SECCOMP_RET_* in the record's code= field (action in the high 16 bits, data in the low)
  private static final long RET_KILL_PROCESS = 0x80000000L;
  private static final long RET_KILL_THREAD = 0;
  private static final long RET_TRAP = 0x00030000L;
  private static final long RET_ERRNO = 0x00050000L;
  private static final long RET_LOG = 0x7ffc0000L;

  private static final Pattern STAMP = Pattern.compile("audit\\((\\d+)\\.(\\d+):\\d+\\):\\s*");
  private static final Pattern FIELD =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)=(\"[^\"]*\"|'[^']*'|\\S+)");
  private static final Pattern AVC_PERMS = Pattern.compile("\\{\\s*([^}]*?)\\s*\\}");

  private final SyscallTable syscalls;
  private final BiFunction<Long, Integer, EventHeader> header;

  /**
   * @param header the header of an event of a pid at an epoch time in nanoseconds (namespaces and
   *     cgroup as far as /proc still shows them)
   */
  public AuditRecords(SyscallTable syscalls, BiFunction<Long, Integer, EventHeader> header) {
    this.syscalls = syscalls;
    this.header = header;
  }

  /** The event a record describes, or null. */
  public @Nullable Event parse(int type, String text) {
    if (type != SECCOMP && type != AVC && type != USER_AVC && type != LANDLOCK_ACCESS) {
      return null;
    }
    Matcher m = STAMP.matcher(text);
    long nanos = 0;
    String body = text;
    if (m.lookingAt()) {
      nanos = Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2)) * 1_000_000L;
      body = text.substring(m.end());
    }
    Map<String, String> f = fields(body);
    int pid = (int) number(f.get("pid"), 0);
    return switch (type) {
      case SECCOMP -> seccomp(nanos, pid, f);
      case LANDLOCK_ACCESS -> landlock(nanos, pid, f);
      default -> avc(nanos, pid, body, f);
    };
  }

  private @Nullable SeccompViolation seccomp(long nanos, int pid, Map<String, String> f) {
    long code = number(f.get("code"), -1);
    long ret = code & 0xffff0000L;
    Action action;
    if (ret == RET_KILL_PROCESS) {
      action = Action.KILL_PROCESS;
    } else if (ret == RET_KILL_THREAD && code >= 0) {
      action = Action.KILL_THREAD;
    } else if (ret == RET_TRAP) {
      action = Action.TRAP;
    } else if (ret == RET_ERRNO) {
      action = Action.ERRNO;
    } else if (ret == RET_LOG) {
      action = Action.LOG;
    } else {
      return null; // trace, user notification: the syscall is handed on, not refused
    }
    int nr = (int) number(f.get("syscall"), -1);
    return new SeccompViolation(
        header.apply(nanos, pid),
        nr,
        nr < 0 ? "" : syscallName(f.get("arch"), nr),
        action,
        action == Action.ERRNO ? (int) (code & 0xffff) : 0,
        SeccompViolation.Source.AUDIT);
  }

  private @Nullable LsmDenial avc(long nanos, int pid, String body, Map<String, String> f) {
    String lsm;
    String operation;
    if (f.containsKey("apparmor")) {
      if (!"DENIED".equals(f.get("apparmor"))) {
        return null; // ALLOWED (complain mode), STATUS, AUDIT
      }
      lsm = "apparmor";
      operation = f.getOrDefault("operation", "");
    } else if (body.contains("avc:") && body.contains("denied")) {
      lsm = "selinux";
      Matcher perms = AVC_PERMS.matcher(body);
      operation = perms.find() ? perms.group(1) : "";
    } else {
      return null;
    }
    String path = f.containsKey("path") ? f.get("path") : f.get("name");
    return new LsmDenial(
        header.apply(nanos, pid), lsm, operation, path, null, 0, 0, LsmDenial.Source.AUDIT);
  }

  private LsmDenial landlock(long nanos, int pid, Map<String, String> f) {
    String daddr = f.get("daddr");
    String object = f.containsKey("path") ? f.get("path") : daddr;
    if (daddr != null && f.containsKey("dest")) {
      object = daddr + ":" + f.get("dest");
    }
    return new LsmDenial(
        header.apply(nanos, pid),
        "landlock",
        f.getOrDefault("blockers", ""),
        object,
        null,
        0,
        0,
        LsmDenial.Source.AUDIT);
  }

  static Map<String, String> fields(String body) {
    Map<String, String> out = new HashMap<>();
    Matcher m = FIELD.matcher(body);
    while (m.find()) {
      String v = m.group(2);
      if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
        v = v.substring(1, v.length() - 1);
      }
      out.putIfAbsent(m.group(1), v);
    }
    return out;
  }

  /**
   * The syscall's name in the numbering of the record's {@code arch=} (hex {@code AUDIT_ARCH_*}):
   * the sensors' own architecture, another one the objects are built for, or none (a 32-bit task on
   * a 64-bit kernel: no name rather than a wrong one).
   */
  private String syscallName(@Nullable String arch, int nr) {
    if (arch == null) {
      return syscalls.name(nr);
    }
    long code;
    try {
      code = Long.parseLong(arch, 16);
    } catch (NumberFormatException e) {
      return syscalls.name(nr);
    }
    return Arch.ofAudit(code).map(a -> SyscallTable.of(a).name(nr)).orElse("");
  }

  private static long number(@Nullable String v, long fallback) {
    if (v == null) {
      return fallback;
    }
    try {
      return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
