package dev.tapio.enrich.internal.proc;

import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * User and group names from the host's {@code /etc/passwd} and {@code /etc/group}. The files are
 * read once and re-read when their modification time changes, checked at most once per refresh
 * interval, so the event path pays a map lookup.
 */
public final class UserDirectory {
  private static final long REFRESH_NANOS = 5_000_000_000L;

  private final Path passwd;
  private final Path group;
  private final LongSupplier clock;
  private volatile Snapshot snapshot;
  private volatile long nextCheck;

  /** One parsed state of both files; {@code version} grows with every re-read. */
  private record Snapshot(
      Map<Integer, User> users,
      Map<Integer, String> groups,
      @Nullable FileTime passwdTime,
      @Nullable FileTime groupTime,
      long version) {}

  private record User(String name, String home, String shell) {}

  public UserDirectory(Path etc, LongSupplier clock) {
    this.passwd = etc.resolve("passwd");
    this.group = etc.resolve("group");
    this.clock = clock;
    this.snapshot = load(0);
    this.nextCheck = clock.getAsLong() + REFRESH_NANOS;
  }

  /** Grows each time the files are re-read; a cached {@link UserInfo} is stale when it differs. */
  public long version() {
    refreshIfDue();
    return snapshot.version();
  }

  /** The user of {@code credentials} (effective ids, as Falco's {@code user.uid} shows them). */
  public UserInfo resolve(Credentials credentials) {
    Snapshot current = snapshot;
    int uid = credentials.euid();
    User user = current.users().get(uid);
    int loginUid = credentials.loginUid();
    User login = loginUid == Credentials.NO_LOGIN_UID ? null : current.users().get(loginUid);
    int gid = credentials.egid();
    return new UserInfo(
        uid,
        user == null ? null : user.name(),
        user == null ? null : user.home(),
        user == null ? null : user.shell(),
        loginUid,
        login == null ? null : login.name(),
        gid,
        current.groups().get(gid));
  }

  private void refreshIfDue() {
    long now = clock.getAsLong();
    if (now - nextCheck < 0) {
      return;
    }
    nextCheck = now + REFRESH_NANOS;
    Snapshot current = snapshot;
    if (!java.util.Objects.equals(modified(passwd), current.passwdTime())
        || !java.util.Objects.equals(modified(group), current.groupTime())) {
      snapshot = load(current.version() + 1);
    }
  }

  private Snapshot load(long version) {
    FileTime passwdTime = modified(passwd);
    FileTime groupTime = modified(group);
    Map<Integer, User> users = new HashMap<>();
    for (String[] fields : lines(passwd)) {
      if (fields.length >= 7) {
        Integer uid = parseId(fields[2]);
        if (uid != null) {
          users.putIfAbsent(uid, new User(fields[0], fields[5], fields[6]));
        }
      }
    }
    Map<Integer, String> groups = new HashMap<>();
    for (String[] fields : lines(group)) {
      if (fields.length >= 3) {
        Integer gid = parseId(fields[2]);
        if (gid != null) {
          groups.putIfAbsent(gid, fields[0]);
        }
      }
    }
    return new Snapshot(Map.copyOf(users), Map.copyOf(groups), passwdTime, groupTime, version);
  }

  private static java.util.List<String[]> lines(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split(":", -1))
          .toList();
    } catch (IOException | RuntimeException e) {
      return java.util.List.of();
    }
  }

  private static @Nullable FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Integer parseId(String text) {
    try {
      return (int) Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
