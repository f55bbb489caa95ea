package dev.tapio.sensors.internal.decode;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.tapio.api.event.CredentialChange;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.NamespaceChange;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.SyscallEvent;
import dev.tapio.sensors.internal.abi.Abi.Creds;
import dev.tapio.sensors.internal.abi.Abi.PrivEvent;
import dev.tapio.sensors.internal.abi.Abi.PrivSyscall;
import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes {@code struct tapio_priv_event}: namespace and root changes become {@link
 * NamespaceChange}, credential changes {@link CredentialChange}, ptrace, bpf, module loads and
 * userfaultfd a {@link SyscallEvent} with Falco's parameter names and renderings. {@link #decode}'s
 * switch over {@code enum tapio_priv_syscall} has no default, so a new syscall does not compile
 * until it is placed here.
 */
final class PrivilegeRecords {
  private PrivilegeRecords() {}

  static Event decode(EventDecoder decoder, Namespaces host, MemorySegment r) {
    PrivSyscall syscall = PrivSyscall.of(EventDecoder.i32(r, PrivEvent.SYSCALL));
    EventHeader header = decoder.header(r);
    long result = r.get(JAVA_LONG_UNALIGNED, PrivEvent.RESULT);
    long at = PrivEvent.DATA;
    int len1 = EventDecoder.u16(r, PrivEvent.STR1_LEN);
    String s1 = decoder.string(r, at, len1);
    int len2 = EventDecoder.u16(r, PrivEvent.STR2_LEN);
    String s2 = decoder.string(r, at + len1, len2);
    String s3 = decoder.string(r, at + len1 + len2, EventDecoder.u16(r, PrivEvent.STR3_LEN));
    Credentials before = creds(r, PrivEvent.CRED_BEFORE);
    Credentials after = creds(r, PrivEvent.CRED_AFTER);
    Map<String, String> args = new LinkedHashMap<>();
    return switch (syscall) {
      case SETNS, UNSHARE ->
          ns(
              decoder,
              r,
              syscall.label(),
              arg(r, syscall == PrivSyscall.SETNS ? 1 : 0),
              null,
              null,
              header,
              host,
              result);
      case MOUNT -> ns(decoder, r, "mount", arg(r, 0), s2, s1, header, host, result);
      case UMOUNT -> ns(decoder, r, "umount2", arg(r, 0), s1, null, header, host, result);
      case PIVOT_ROOT -> ns(decoder, r, "pivot_root", 0, s1, s2, header, host, result);
      case CHROOT -> ns(decoder, r, "chroot", 0, s1, null, header, host, result);
      case SETUID, SETFSUID -> cred(r, syscall, header, before, after, result, "uid");
      case SETGID, SETFSGID -> cred(r, syscall, header, before, after, result, "gid");
      case SETREUID -> cred(r, syscall, header, before, after, result, "ruid", "euid");
      case SETREGID -> cred(r, syscall, header, before, after, result, "rgid", "egid");
      case SETRESUID -> cred(r, syscall, header, before, after, result, "ruid", "euid", "suid");
      case SETRESGID -> cred(r, syscall, header, before, after, result, "rgid", "egid", "sgid");
      case CAPSET -> {
        args.put("cap_effective", Long.toHexString(after.capEffective()));
        args.put("cap_permitted", Long.toHexString(after.capPermitted()));
        yield new CredentialChange(header, "capset", args, before, after, result);
      }
      case PTRACE -> {
        args.put("request", SyscallNames.ptraceRequest(arg(r, 0)));
        args.put("pid", Integer.toString((int) arg(r, 1)));
        args.put("addr", "0x" + Long.toHexString(arg(r, 2)));
        args.put("data", "0x" + Long.toHexString(arg(r, 3)));
        yield new SyscallEvent(header, "ptrace", args, result);
      }
      case BPF -> {
        args.put("cmd", SyscallNames.bpfCommand(arg(r, 0)));
        args.put("prog_type", SyscallNames.bpfProgramType(arg(r, 1)));
        args.put("prog_name", s1);
        args.put("res_or_fd", Long.toString(result));
        yield new SyscallEvent(header, "bpf", args, result);
      }
      case INIT_MODULE -> {
        args.put("length", Long.toString(arg(r, 0)));
        args.put("uargs", s1);
        yield new SyscallEvent(header, "init_module", args, result);
      }
      case FINIT_MODULE -> {
        args.put("fd", Integer.toString((int) arg(r, 0)));
        args.put("uargs", s1);
        args.put("flags", Long.toString(arg(r, 1)));
        yield new SyscallEvent(header, "finit_module", args, result);
      }
      case USERFAULTFD -> {
        args.put("res", Long.toString(result));
        args.put("flags", SyscallNames.userfaultfdFlags(arg(r, 0)));
        yield new SyscallEvent(header, "userfaultfd", args, result);
      }
    };
  }

  private static NamespaceChange ns(
      EventDecoder decoder,
      MemorySegment r,
      String type,
      long flags,
      @Nullable String path,
      @Nullable String source,
      EventHeader header,
      Namespaces host,
      long result) {
    return new NamespaceChange(
        header,
        type,
        flags,
        path == null || path.isEmpty() ? null : path,
        source == null || source.isEmpty() ? null : source,
        decoder.namespaces(r, PrivEvent.NS_BEFORE),
        header.namespaces(),
        host,
        result);
  }

  /** A credential syscall whose numeric arguments are named {@code names}, in order. */
  private static CredentialChange cred(
      MemorySegment r,
      PrivSyscall syscall,
      EventHeader header,
      Credentials before,
      Credentials after,
      long result,
      String... names) {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      args.put(names[i], Integer.toString((int) arg(r, i)));
    }
    return new CredentialChange(header, syscall.label(), args, before, after, result);
  }

  private static long arg(MemorySegment r, int i) {
    return r.get(JAVA_LONG_UNALIGNED, PrivEvent.ARGS + 8L * i);
  }

  private static Credentials creds(MemorySegment r, long at) {
    return new Credentials(
        EventDecoder.i32(r, at + Creds.UID),
        EventDecoder.i32(r, at + Creds.GID),
        EventDecoder.i32(r, at + Creds.EUID),
        EventDecoder.i32(r, at + Creds.EGID),
        Credentials.NO_LOGIN_UID,
        r.get(JAVA_LONG_UNALIGNED, at + Creds.CAP_EFFECTIVE),
        r.get(JAVA_LONG_UNALIGNED, at + Creds.CAP_PERMITTED),
        0);
  }
}
