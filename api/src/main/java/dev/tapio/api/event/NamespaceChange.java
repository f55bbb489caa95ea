package dev.tapio.api.event;

import org.jspecify.annotations.Nullable;

/**
 * A change of a task's view of the system: {@code setns}, {@code unshare}, {@code mount}, {@code
 * umount}, {@code pivot_root}, {@code chroot}.
 *
 * @param flags the namespace or mount flags passed
 * @param path the path argument (mount target, new root), if any
 * @param before namespaces before the call
 * @param after namespaces after the call
 * @param result 0 or a negative errno
 */
public record NamespaceChange(
    EventHeader header,
    String type,
    long flags,
    @Nullable String path,
    Namespaces before,
    Namespaces after,
    long result)
    implements Event {}
