package dev.tapio.api.filter;

/**
 * One alternative of a {@link TypeFilter}: an event passes the term when its path has the pattern,
 * its access mode is one of {@code accessModes}, and, if {@code successOnly}, the call succeeded.
 *
 * @param path what the path must look like
 * @param accessModes bit {@code m} set when access mode {@code m} ({@code flags & O_ACCMODE}: 0
 *     read-only, 1 write-only, 2 read-write, 3 unused) is allowed; {@link #ALL_MODES} for all
 * @param successOnly whether only calls that succeeded pass
 */
public record FilterTerm(PathPattern path, int accessModes, boolean successOnly) {
  public static final int ALL_MODES = 0b1111;

  /** Every event. */
  public static final FilterTerm ANY = new FilterTerm(PathPattern.ANY, ALL_MODES, false);

  public FilterTerm {
    if ((accessModes & ~ALL_MODES) != 0) {
      throw new IllegalArgumentException("access modes are 4 bits: " + accessModes);
    }
  }

  /** The bit of {@code flags}' access mode in {@link #accessModes}. */
  public static int modeBit(int flags) {
    return 1 << (flags & 3);
  }

  /** Whether an event with this (absolute) path, open flags and result passes. */
  public boolean admits(String absolutePath, int flags, long result) {
    return (accessModes & modeBit(flags)) != 0
        && (!successOnly || result >= 0)
        && path.matches(absolutePath);
  }

  /** {@code startswith /etc/ [modes 0,2] [success]} */
  public String describe() {
    StringBuilder out = new StringBuilder(path.describe());
    if (accessModes != ALL_MODES) {
      out.append(" [modes");
      String sep = " ";
      for (int m = 0; m < 4; m++) {
        if ((accessModes & (1 << m)) != 0) {
          out.append(sep).append(m == 0 ? "read" : m == 1 ? "write" : m == 2 ? "readwrite" : "3");
          sep = ",";
        }
      }
      out.append(']');
    }
    if (successOnly) {
      out.append(" [success]");
    }
    return out.toString();
  }
}
