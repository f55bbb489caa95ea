package dev.tapio.api.event;

import org.jspecify.annotations.Nullable;

/**
 * A Linux security module refused an operation.
 *
 * @param lsm the module that refused ({@code landlock}, {@code apparmor}, {@code selinux}), or
 *     {@code unknown} when only the errno is known
 * @param operation the refused syscall ({@code openat}, {@code connect}), or the audit record's
 *     operation when the record names no syscall
 * @param path the object's path, if it has one
 * @param address the socket address, for {@code connect} and {@code bind}
 * @param target {@code ptrace}: the target pid; {@code bpf}: the command; else 0
 * @param errno the positive errno returned (usually EACCES or EPERM), 0 when unknown
 * @param source how the denial was seen
 */
public record LsmDenial(
    EventHeader header,
    String lsm,
    String operation,
    @Nullable String path,
    @Nullable SocketAddress address,
    long target,
    int errno,
    Source source)
    implements Event {

  /** The module's name when the denial cannot be tied to one. */
  public static final String UNKNOWN = "unknown";

  /** How the denial was seen. */
  public enum Source {
    /** The syscall's -EACCES/-EPERM, tied to an LSM by what is known about the task. */
    ERRNO,
    /** The module's own audit record (AppArmor/SELinux AVC 1400, USER_AVC 1107, Landlock 1423). */
    AUDIT;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The denied object as text: the path, the address ({@code ip:port}), or the target. */
  public @Nullable String object() {
    if (path != null) {
      return path;
    }
    if (address != null) {
      if (address.unixPath() != null) {
        return address.unixPath();
      }
      if (address.address() != null) {
        String ip = IpText.of(address.address());
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + address.port();
      }
    }
    return target != 0 ? Long.toString(target) : null;
  }

  @Override
  public String type() {
    return "lsm_denial";
  }
}
