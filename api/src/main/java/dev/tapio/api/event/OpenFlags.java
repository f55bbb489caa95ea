package dev.tapio.api.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Linux open(2) flags (x86_64 values) and their names as Falco renders {@code evt.arg.flags}: the
 * access mode first ({@code O_RDONLY}, {@code O_WRONLY} or {@code O_RDWR}), then every other set
 * flag, joined with {@code |}.
 */
public final class OpenFlags {
  public static final int O_RDONLY = 0;
  public static final int O_WRONLY = 1;
  public static final int O_RDWR = 2;
  public static final int O_ACCMODE = 3;
  public static final int O_CREAT = 0100;
  public static final int O_EXCL = 0200;
  public static final int O_NOCTTY = 0400;
  public static final int O_TRUNC = 01000;
  public static final int O_APPEND = 02000;
  public static final int O_NONBLOCK = 04000;
  public static final int O_DSYNC = 010000;
  public static final int O_ASYNC = 020000;
  public static final int O_DIRECT = 040000;
  public static final int O_LARGEFILE = 0100000;
  public static final int O_DIRECTORY = 0200000;
  public static final int O_NOFOLLOW = 0400000;
  public static final int O_NOATIME = 01000000;
  public static final int O_CLOEXEC = 02000000;
  public static final int O_SYNC = 04010000;
  public static final int O_PATH = 010000000;
  public static final int O_TMPFILE = 020200000;

  private record Flag(String name, int bits) {}

  /** Order of rendering after the access mode; multi-bit flags before their parts. */
  private static final List<Flag> FLAGS =
      List.of(
          new Flag("O_APPEND", O_APPEND),
          new Flag("O_CREAT", O_CREAT),
          new Flag("O_TMPFILE", O_TMPFILE),
          new Flag("O_SYNC", O_SYNC),
          new Flag("O_DSYNC", O_DSYNC),
          new Flag("O_EXCL", O_EXCL),
          new Flag("O_NONBLOCK", O_NONBLOCK),
          new Flag("O_TRUNC", O_TRUNC),
          new Flag("O_DIRECT", O_DIRECT),
          new Flag("O_DIRECTORY", O_DIRECTORY),
          new Flag("O_LARGEFILE", O_LARGEFILE),
          new Flag("O_CLOEXEC", O_CLOEXEC),
          new Flag("O_NOFOLLOW", O_NOFOLLOW),
          new Flag("O_NOATIME", O_NOATIME),
          new Flag("O_NOCTTY", O_NOCTTY),
          new Flag("O_ASYNC", O_ASYNC),
          new Flag("O_PATH", O_PATH));

  private OpenFlags() {}

  /** {@code O_RDONLY|O_CLOEXEC}-style text for {@code flags}. */
  public static String render(int flags) {
    StringBuilder out =
        new StringBuilder(
            switch (flags & O_ACCMODE) {
              case O_WRONLY -> "O_WRONLY";
              case O_RDWR -> "O_RDWR";
              default -> "O_RDONLY";
            });
    int rest = flags & ~O_ACCMODE;
    for (Flag flag : FLAGS) {
      if ((rest & flag.bits()) == flag.bits()) {
        out.append('|').append(flag.name());
        rest &= ~flag.bits();
      }
    }
    return out.toString();
  }

  /**
   * Parses {@code O_WRONLY|O_CREAT} (names, case-insensitive, with or without the {@code O_}
   * prefix) or a number (decimal, {@code 0x} hex, or leading-zero octal).
   */
  public static OptionalInt parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      if (t.startsWith("0x") || t.startsWith("0X")) {
        return OptionalInt.of(Integer.parseUnsignedInt(t.substring(2), 16));
      }
      if (Character.isDigit(t.charAt(0))) {
        return OptionalInt.of(Integer.parseInt(t, t.length() > 1 && t.startsWith("0") ? 8 : 10));
      }
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
    int flags = 0;
    for (String part : t.split("\\|")) {
      String name = part.trim().toUpperCase(Locale.ROOT);
      if (!name.startsWith("O_")) {
        name = "O_" + name;
      }
      OptionalInt bits = bitsOf(name);
      if (bits.isEmpty()) {
        return OptionalInt.empty();
      }
      flags |= bits.getAsInt();
    }
    return OptionalInt.of(flags);
  }

  /** Every flag name this class knows, access modes first. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(List.of("O_RDONLY", "O_WRONLY", "O_RDWR"));
    FLAGS.forEach(f -> names.add(f.name()));
    return names;
  }

  private static OptionalInt bitsOf(String name) {
    switch (name) {
      case "O_RDONLY":
        return OptionalInt.of(O_RDONLY);
      case "O_WRONLY":
        return OptionalInt.of(O_WRONLY);
      case "O_RDWR":
        return OptionalInt.of(O_RDWR);
      default:
        for (Flag flag : FLAGS) {
          if (flag.name().equals(name)) {
            return OptionalInt.of(flag.bits());
          }
        }
        return OptionalInt.empty();
    }
  }

  /** Whether the open may read: read-only or read-write. */
  public static boolean isRead(int flags) {
    int mode = flags & O_ACCMODE;
    return mode == O_RDONLY || mode == O_RDWR;
  }

  /** Whether the open may write: write-only or read-write. */
  public static boolean isWrite(int flags) {
    int mode = flags & O_ACCMODE;
    return mode == O_WRONLY || mode == O_RDWR;
  }
}
