package dev.tapio.api.event;

/**
 * An {@code open}, {@code openat}, {@code openat2} or {@code creat}, seen at its exit.
 *
 * @param path the full resolved path (relative paths resolved against the dirfd or cwd)
 * @param rawPath the path string exactly as passed to the syscall
 * @param flags the open flags ({@code O_RDONLY}, {@code O_CREAT}, ...) as the kernel encodes them
 * @param mode the creation mode
 * @param result the new fd, or a negative errno when the open failed
 */
public record FileOpen(
    EventHeader header, String type, String path, String rawPath, int flags, int mode, long result)
    implements Event {

  public boolean succeeded() {
    return result >= 0;
  }
}
