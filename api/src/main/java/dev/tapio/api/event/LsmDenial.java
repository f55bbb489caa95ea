package dev.tapio.api.event;

import org.jspecify.annotations.Nullable;

/**
 * A Linux security module refused an operation.
 *
 * @param lsm the module that refused ({@code landlock}, {@code apparmor}, {@code selinux}, {@code
 *     bpf}), or empty when only the errno is known
 * @param operation the refused operation (e.g. the syscall name)
 * @param path the object's path, if it has one
 * @param errno the positive errno returned (usually EACCES or EPERM)
 */
public record LsmDenial(
    EventHeader header, String lsm, String operation, @Nullable String path, int errno)
    implements Event {

  @Override
  public String type() {
    return "lsm_denial";
  }
}
