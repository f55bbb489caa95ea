package dev.tapio.api.event;

/** User and group ids of a task, and its capability sets as bit masks (bit N = capability N). */
public record Credentials(
    int uid,
    int gid,
    int euid,
    int egid,
    int loginUid,
    long capEffective,
    long capPermitted,
    long capInheritable) {

  /** The kernel's "unset" login uid. */
  public static final int NO_LOGIN_UID = -1;

  public static Credentials root() {
    long all = (1L << 41) - 1; // capabilities 0..40
    return new Credentials(0, 0, 0, 0, NO_LOGIN_UID, all, all, 0);
  }
}
