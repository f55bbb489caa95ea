package dev.tapio.api.event;

import org.jspecify.annotations.Nullable;

/**
 * A change to the file system namespace or to file attributes: rename, unlink, mkdir, rmdir, chmod,
 * symlink, link, and their {@code *at} variants.
 *
 * @param type the syscall name, e.g. {@code renameat2}
 * @param path the path the operation acts on (for rename and link: the old path)
 * @param target the second path (new path of a rename or link, target of a symlink), if any
 * @param mode the mode of a chmod or mkdir, else 0
 * @param result 0 or a negative errno
 */
public record FileChange(
    EventHeader header,
    String type,
    Operation operation,
    String path,
    @Nullable String target,
    int mode,
    long result)
    implements Event {

  public enum Operation {
    RENAME,
    UNLINK,
    MKDIR,
    RMDIR,
    CHMOD,
    SYMLINK,
    LINK
  }
}
