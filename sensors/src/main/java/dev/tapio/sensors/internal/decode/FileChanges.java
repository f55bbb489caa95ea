package dev.tapio.sensors.internal.decode;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.tapio.api.event.FileChange;
import dev.tapio.api.event.FileChange.Operation;
import dev.tapio.sensors.internal.abi.Abi.ChangeEvent;
import dev.tapio.sensors.internal.abi.Abi.ChangeSyscall;
import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.Nullable;

/**
 * Decodes {@code struct tapio_change_event} (rename, unlink, mkdir, chmod, symlink, link...). The
 * syscall names are the enumerators of {@code enum tapio_change_syscall}; {@link #operation} is the
 * one place that says what each syscall does to the file system, and the compiler makes sure it
 * covers every one.
 */
public final class FileChanges {
  private static final int AT_REMOVEDIR = 0x200;

  private FileChanges() {}

  static FileChange decode(EventDecoder decoder, MemorySegment r) {
    ChangeSyscall syscall = ChangeSyscall.of(EventDecoder.i32(r, ChangeEvent.SYSCALL));
    int flags = EventDecoder.i32(r, ChangeEvent.FLAGS);
    long at = ChangeEvent.DATA;
    int pathLen = EventDecoder.u16(r, ChangeEvent.PATH_LEN);
    String raw = decoder.string(r, at, pathLen);
    at += pathLen;
    int baseLen = EventDecoder.u16(r, ChangeEvent.PATH_BASE_LEN);
    String base = decoder.string(r, at, baseLen);
    at += baseLen;
    int targetLen = EventDecoder.u16(r, ChangeEvent.TARGET_LEN);
    String targetRaw = decoder.string(r, at, targetLen);
    at += targetLen;
    String targetBase = decoder.string(r, at, EventDecoder.u16(r, ChangeEvent.TARGET_BASE_LEN));

    Operation op = operation(syscall, flags);
    String path = raw.isEmpty() ? base : Paths.lexical(base, raw);
    @Nullable String target =
        switch (op) {
          case RENAME, LINK -> Paths.lexical(targetBase, targetRaw);
          case SYMLINK -> targetRaw;
          default -> null;
        };
    int mode =
        op == Operation.MKDIR || op == Operation.CHMOD ? EventDecoder.i32(r, ChangeEvent.MODE) : 0;
    return new FileChange(
        decoder.header(r),
        eventType(syscall),
        op,
        path,
        target,
        mode,
        r.get(JAVA_LONG_UNALIGNED, ChangeEvent.RESULT));
  }

  /**
   * The Falco event type a change is reported as: its syscall's name, but {@code fchmodat} for
   * {@code fchmodat2} (Linux 6.6), which is fchmodat with flags and which a C library calls when
   * flags are given: Falco's rules name fchmodat, and would miss it under its own name.
   */
  public static String eventType(ChangeSyscall syscall) {
    return syscall == ChangeSyscall.FCHMODAT2 ? ChangeSyscall.FCHMODAT.label() : syscall.label();
  }

  static Operation operation(ChangeSyscall syscall, int flags) {
    return switch (syscall) {
      case RENAME, RENAMEAT, RENAMEAT2 -> Operation.RENAME;
      case UNLINKAT -> (flags & AT_REMOVEDIR) != 0 ? Operation.RMDIR : Operation.UNLINK;
      case UNLINK -> Operation.UNLINK;
      case RMDIR -> Operation.RMDIR;
      case MKDIR, MKDIRAT -> Operation.MKDIR;
      case CHMOD, FCHMODAT, FCHMODAT2, FCHMOD -> Operation.CHMOD;
      case SYMLINK, SYMLINKAT -> Operation.SYMLINK;
      case LINK, LINKAT -> Operation.LINK;
    };
  }
}
