package dev.tapio.sensors.internal.ffm;

import java.util.Map;

/** Symbolic names of the errno values BPF calls return. */
public final class Errno {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int ESRCH = 3;
  public static final int EINTR = 4;
  public static final int E2BIG = 7;
  public static final int EAGAIN = 11;
  public static final int ENOMEM = 12;
  public static final int EACCES = 13;
  public static final int EBUSY = 16;
  public static final int EINVAL = 22;
  public static final int ENOSPC = 28;
  public static final int ENOSYS = 38;
  public static final int EOPNOTSUPP = 95;

  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(EPERM, "EPERM"),
          Map.entry(ENOENT, "ENOENT"),
          Map.entry(ESRCH, "ESRCH"),
          Map.entry(EINTR, "EINTR"),
          Map.entry(E2BIG, "E2BIG"),
          Map.entry(EAGAIN, "EAGAIN"),
          Map.entry(ENOMEM, "ENOMEM"),
          Map.entry(EACCES, "EACCES"),
          Map.entry(EBUSY, "EBUSY"),
          Map.entry(EINVAL, "EINVAL"),
          Map.entry(ENOSPC, "ENOSPC"),
          Map.entry(ENOSYS, "ENOSYS"),
          Map.entry(EOPNOTSUPP, "EOPNOTSUPP"),
          Map.entry(524, "ENOTSUPP"));

  private Errno() {}

  /** {@code EPERM}, or {@code errno 42} for a value without a name here. */
  public static String name(int errno) {
    int e = Math.abs(errno);
    String name = NAMES.get(e);
    return name != null ? name : "errno " + e;
  }

  /** Whether retrying the same call later can succeed. */
  public static boolean isTransient(int errno) {
    int e = Math.abs(errno);
    return e == EAGAIN || e == EINTR || e == EBUSY || e == ENOMEM;
  }
}
