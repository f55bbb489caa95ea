package dev.tapio.recording;

import dev.tapio.api.event.FileChange;
import java.util.Map;
import java.util.Set;

/**
 * Which event record a Falco event type is read into, and the keys that kind accepts. Public so
 * that documentation generated from the format (the field reference) names the same kinds.
 */
public enum EventKind {
  EXEC(Set.of("filename", "stdin", "stdout", "stderr")),
  FORK(Set.of("child_pid", "child_tid", "clone_flags")),
  EXIT(Set.of("exit_code", "signal", "group_leader")),
  OPEN(Set.of("path", "raw_path", "flags", "mode", "result")),
  FILE_CHANGE(Set.of("path", "target", "mode", "result")),
  NETWORK(
      Set.of(
          "family",
          "protocol",
          "fd",
          "local",
          "remote",
          "result",
          "netns",
          "newfd",
          "duration",
          "traffic",
          "drop")),
  NAMESPACE(Set.of("flags", "path", "source", "before", "after", "host", "result")),
  CREDENTIALS(Set.of("args", "before", "after", "result")),
  SECCOMP(Set.of("syscall_nr", "syscall", "action", "errno", "source")),
  LSM(Set.of("lsm", "operation", "path", "address", "target", "errno", "source")),
  FLOW(
      Set.of(
          "protocol",
          "source",
          "destination",
          "bytes_out",
          "bytes_in",
          "packets_out",
          "packets_in",
          "verdict",
          "policy")),
  CGROUP(Set.of("created", "path")),
  SYSCALL(Set.of("args", "result"));

  /** Keys every event accepts, whatever its kind. */
  static final Set<String> COMMON =
      Set.of(
          "type",
          "time",
          "tid",
          "cgroup_id",
          "namespaces",
          "process",
          "ancestors",
          "user",
          "container",
          "pod",
          "hostname",
          "netpol");

  private static final Map<String, FileChange.Operation> FILE_CHANGES =
      Map.ofEntries(
          Map.entry("rename", FileChange.Operation.RENAME),
          Map.entry("renameat", FileChange.Operation.RENAME),
          Map.entry("renameat2", FileChange.Operation.RENAME),
          Map.entry("unlink", FileChange.Operation.UNLINK),
          Map.entry("unlinkat", FileChange.Operation.UNLINK),
          Map.entry("mkdir", FileChange.Operation.MKDIR),
          Map.entry("mkdirat", FileChange.Operation.MKDIR),
          Map.entry("rmdir", FileChange.Operation.RMDIR),
          Map.entry("chmod", FileChange.Operation.CHMOD),
          Map.entry("fchmod", FileChange.Operation.CHMOD),
          Map.entry("fchmodat", FileChange.Operation.CHMOD),
          Map.entry("symlink", FileChange.Operation.SYMLINK),
          Map.entry("symlinkat", FileChange.Operation.SYMLINK),
          Map.entry("link", FileChange.Operation.LINK),
          Map.entry("linkat", FileChange.Operation.LINK));

  final Set<String> keys;

  EventKind(Set<String> keys) {
    this.keys = keys;
  }

  /** The kind an event of Falco type {@code type} is recorded as. */
  public static EventKind of(String type) {
    if (FILE_CHANGES.containsKey(type)) {
      return FILE_CHANGE;
    }
    return switch (type) {
      case "execve", "execveat" -> EXEC;
      case "clone", "clone3", "fork", "vfork" -> FORK;
      case "procexit" -> EXIT;
      case "open", "openat", "openat2", "creat" -> OPEN;
      case "connect",
          "accept",
          "accept4",
          "bind",
          "listen",
          "sendto",
          "sendmsg",
          "recvfrom",
          "recvmsg",
          "dup",
          "dup2",
          "dup3",
          "close",
          "connect_async",
          "drop" ->
          NETWORK;
      case "setns", "unshare", "mount", "umount", "umount2", "pivot_root", "chroot" -> NAMESPACE;
      case "setuid",
          "setreuid",
          "setresuid",
          "setgid",
          "setregid",
          "setresgid",
          "setfsuid",
          "setfsgid",
          "capset" ->
          CREDENTIALS;
      case "seccomp" -> SECCOMP;
      case "lsm_denial" -> LSM;
      case "flow" -> FLOW;
      case "cgroup_mkdir" -> CGROUP;
      default -> SYSCALL;
    };
  }

  static FileChange.Operation fileOperation(String type) {
    return java.util.Objects.requireNonNull(FILE_CHANGES.get(type), type);
  }
}
