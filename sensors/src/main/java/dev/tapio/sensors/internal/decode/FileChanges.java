package dev.tapio.sensors.internal.decode;

import static dev.tapio.sensors.internal.decode.Records.*;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.tapio.api.event.FileChange;
import dev.tapio.api.event.FileChange.Operation;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Decodes {@code struct tapio_change_event} (rename, unlink, mkdir, chmod, symlink, link...). */
public final class FileChanges {
  private static final int AT_REMOVEDIR = 0x200;

  /**
   * The syscalls that change names or attributes, in the order of {@code enum
   * tapio_change_syscall}: value {@code n} is {@code SYSCALLS.get(n - 1)}. The file sensor hooks
   * each of them (enter and exit).
   */
  public static final List<String> SYSCALLS =
      List.of(
          "rename",
          "renameat",
          "renameat2",
          "unlink",
          "unlinkat",
          "rmdir",
          "mkdir",
          "mkdirat",
          "chmod",
          "fchmodat",
          "fchmod",
          "symlink",
          "symlinkat",
          "link",
          "linkat");

  private FileChanges() {}

  static FileChange decode(EventDecoder decoder, MemorySegment r) {
    int syscall = EventDecoder.i32(r, CHG_SYSCALL);
    if (syscall <= 0 || syscall > SYSCALLS.size()) {
      throw new IllegalArgumentException("unknown change syscall " + syscall);
    }
    String name = SYSCALLS.get(syscall - 1);
    int flags = EventDecoder.i32(r, CHG_FLAGS);
    long at = CHG_DATA;
    int pathLen = EventDecoder.u16(r, CHG_PATH_LEN);
    String raw = EventDecoder.string(r, at, pathLen);
    at += pathLen;
    int baseLen = EventDecoder.u16(r, CHG_PATH_BASE_LEN);
    String base = EventDecoder.string(r, at, baseLen);
    at += baseLen;
    int targetLen = EventDecoder.u16(r, CHG_TARGET_LEN);
    String targetRaw = EventDecoder.string(r, at, targetLen);
    at += targetLen;
    String targetBase = EventDecoder.string(r, at, EventDecoder.u16(r, CHG_TARGET_BASE_LEN));

    Operation op = operation(name, flags);
    String path = raw.isEmpty() ? base : Paths.lexical(base, raw);
    @Nullable String target =
        switch (op) {
          case RENAME, LINK -> Paths.lexical(targetBase, targetRaw);
          case SYMLINK -> targetRaw;
          default -> null;
        };
    int mode = op == Operation.MKDIR || op == Operation.CHMOD ? EventDecoder.i32(r, CHG_MODE) : 0;
    return new FileChange(
        decoder.header(r), name, op, path, target, mode, r.get(JAVA_LONG_UNALIGNED, CHG_RESULT));
  }

  static Operation operation(String syscall, int flags) {
    return switch (syscall) {
      case "rename", "renameat", "renameat2" -> Operation.RENAME;
      case "unlinkat" -> (flags & AT_REMOVEDIR) != 0 ? Operation.RMDIR : Operation.UNLINK;
      case "unlink" -> Operation.UNLINK;
      case "rmdir" -> Operation.RMDIR;
      case "mkdir", "mkdirat" -> Operation.MKDIR;
      case "chmod", "fchmodat", "fchmod" -> Operation.CHMOD;
      case "symlink", "symlinkat" -> Operation.SYMLINK;
      default -> Operation.LINK;
    };
  }
}
