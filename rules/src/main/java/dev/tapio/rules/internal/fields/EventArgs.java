package dev.tapio.rules.internal.fields;

import dev.tapio.api.event.CredentialChange;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.FileChange;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.LsmDenial;
import dev.tapio.api.event.NamespaceChange;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.event.ProcessFork;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.event.SyscallEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The syscall parameters of an event by Falco's parameter names, as {@code evt.arg.<name>} and
 * {@code evt.args} show them.
 */
final class EventArgs {

  private EventArgs() {}

  /** The parameters of {@code event}, in Falco's order. */
  static Map<String, String> of(Event event) {
    Map<String, String> m = new LinkedHashMap<>();
    switch (event) {
      case FileOpen o -> {
        m.put("fd", Long.toString(o.result()));
        m.put("dirfd", "AT_FDCWD");
        m.put("name", o.path());
        m.put("flags", KernelNames.openFlags(o.flags()));
        m.put("mode", "0" + Integer.toOctalString(o.mode()));
      }
      case ProcessExec x -> {
        m.put("res", "0");
        m.put("exe", x.argv().isEmpty() ? x.filename() : x.argv().getFirst());
        m.put(
            "args",
            String.join(
                " ",
                x.argv().size() > 1 ? x.argv().subList(1, x.argv().size()) : java.util.List.of()));
        m.put("filename", x.filename());
        m.put("flags", execFlags(x));
      }
      case FileChange c -> {
        m.put("res", Long.toString(c.result()));
        switch (c.operation()) {
          case RENAME, LINK -> {
            m.put("oldpath", c.path());
            m.put("newpath", c.target() == null ? "" : c.target());
          }
          case SYMLINK -> {
            m.put("target", c.target() == null ? "" : c.target());
            m.put("linkpath", c.path());
          }
          case UNLINK, RMDIR, MKDIR -> {
            m.put("name", c.path());
            m.put("path", c.path());
          }
          case CHMOD -> {
            m.put("filename", c.path());
            m.put("mode", KernelNames.chmodMode(c.mode()));
          }
        }
        if (c.operation() == FileChange.Operation.MKDIR) {
          m.put("mode", "0" + Integer.toOctalString(c.mode()));
        }
      }
      case NetworkEvent n when n.type().startsWith("dup") -> {
        m.put("res", Long.toString(n.result()));
        m.put("oldfd", Integer.toString(n.fd()));
        if (!n.type().equals("dup")) {
          m.put("newfd", Integer.toString(n.newFd()));
        }
      }
      case NetworkEvent n -> {
        m.put("res", Long.toString(n.result()));
        m.put("fd", Integer.toString(n.fd()));
        if (n.remote() != null || n.local() != null) {
          m.put("tuple", FdFields.tuple(n));
        }
      }
      case NamespaceChange ns -> namespaceArgs(ns, m);
      case CredentialChange c -> {
        m.put("res", Long.toString(c.result()));
        m.putAll(c.args());
      }
      case SyscallEvent s -> {
        m.putAll(s.args());
        m.putIfAbsent("res", Long.toString(s.result()));
      }
      case ProcessFork f -> {
        m.put("res", Integer.toString(f.childPid()));
        m.put("flags", Long.toString(f.cloneFlags()));
      }
      case ProcessExit x -> m.put("status", Integer.toString(x.exitCode()));
      case SeccompViolation v -> {
        m.put("syscall", v.syscall());
        if (v.errno() != 0) {
          m.put("res", Long.toString(-v.errno()));
        }
      }
      case LsmDenial d -> {
        m.put("operation", d.operation());
        String object = d.object();
        if (object != null) {
          m.put(d.path() != null ? "path" : d.address() != null ? "addr" : "target", object);
        }
        if (d.errno() != 0) {
          m.put("res", Long.toString(-d.errno()));
        }
      }
      default -> {}
    }
    return m;
  }

  static @Nullable String get(Event event, String name) {
    return switch (event) {
      case SyscallEvent s -> {
        String v = s.args().get(name);
        yield v != null || !name.equals("res") ? v : Long.toString(s.result());
      }
      // the parameters rules test most, read without building the whole map
      case FileOpen o when name.equals("flags") -> KernelNames.openFlags(o.flags());
      case FileOpen o when name.equals("name") -> o.path();
      case ProcessExec x when name.equals("filename") -> x.filename();
      default -> of(event).get(name);
    };
  }

  static @Nullable Long result(Event event) {
    return switch (event) {
      case FileOpen o -> o.result();
      case FileChange c -> c.result();
      case NetworkEvent n -> n.result();
      case NamespaceChange ns -> ns.result();
      case CredentialChange c -> c.result();
      case SyscallEvent s -> s.result();
      case ProcessExec x -> 0L;
      case ProcessFork f -> (long) f.childPid();
      // a refusal that returned to the task: kill and trap never return, log lets the call run
      case SeccompViolation v -> v.errno() != 0 ? (long) -v.errno() : null;
      case LsmDenial d -> d.errno() != 0 ? (long) -d.errno() : null;
      default -> null;
    };
  }

  /** Falco's parameters of setns, unshare, mount, umount2, pivot_root and chroot. */
  private static void namespaceArgs(NamespaceChange ns, Map<String, String> m) {
    m.put("res", Long.toString(ns.result()));
    String path = ns.path() == null ? "" : ns.path();
    String source = ns.source() == null ? "" : ns.source();
    switch (ns.type()) {
      case "setns" -> {
        m.put("nstype", KernelNames.cloneFlags(ns.flags()));
        m.put("flags", KernelNames.cloneFlags(ns.flags()));
      }
      case "unshare" -> m.put("flags", KernelNames.cloneFlags(ns.flags()));
      case "mount" -> {
        m.put("dev", source);
        m.put("dir", path);
        m.put("flags", Long.toString(ns.flags()));
      }
      case "umount", "umount2" -> {
        m.put("name", path);
        m.put("flags", Long.toString(ns.flags()));
      }
      case "pivot_root" -> {
        m.put("new_root", path);
        m.put("put_old", source);
      }
      default -> m.put("path", path);
    }
  }

  private static String execFlags(ProcessExec x) {
    StringBuilder b = new StringBuilder();
    if (x.exeUpperLayer()) {
      b.append("EXE_UPPER_LAYER");
    }
    if (x.exeFromMemfd()) {
      b.append(b.isEmpty() ? "" : "|").append("EXE_FROM_MEMFD");
    }
    return b.isEmpty() ? "0" : b.toString();
  }
}
