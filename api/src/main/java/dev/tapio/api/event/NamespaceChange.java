package dev.tapio.api.event;

import org.jspecify.annotations.Nullable;

/**
 * A change of a task's view of the system: {@code setns}, {@code unshare}, {@code mount}, {@code
 * umount2}, {@code pivot_root}, {@code chroot}.
 *
 * @param flags the namespace or mount flags passed ({@code setns}: the namespace type)
 * @param path the path argument (mount target, new root), if any
 * @param source the mount source, or the old root of {@code pivot_root}, if any
 * @param before namespaces before the call
 * @param after namespaces after the call
 * @param host the engine's own namespaces, read at start-up: what "the host" means on this node
 * @param result 0 or a negative errno
 */
public record NamespaceChange(
    EventHeader header,
    String type,
    long flags,
    @Nullable String path,
    @Nullable String source,
    Namespaces before,
    Namespaces after,
    Namespaces host,
    long result)
    implements Event {

  /** Names of the namespaces ({@code mnt}, {@code net}...) that were not the host's and now are. */
  public java.util.List<String> enteredHost() {
    return after.sameAs(host).stream().filter(n -> !before.sameAs(host).contains(n)).toList();
  }
}
