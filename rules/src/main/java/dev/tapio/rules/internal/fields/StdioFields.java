package dev.tapio.rules.internal.fields;

import static dev.tapio.rules.internal.fields.FieldType.STRING;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.event.OpenFd;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.SocketAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code proc.stdin.*}, {@code proc.stdout.*}, {@code proc.stderr.*}: what descriptors 0, 1 and 2
 * of the process are, as {@code fd.type} and {@code fd.name} would show them. Tapio reads them when
 * a program starts, so they are extracted on {@code execve}/{@code execveat} events (a shell whose
 * standard streams are a socket is a reverse shell) and on no other event.
 */
final class StdioFields {

  private StdioFields() {}

  private static final List<String> STREAMS = List.of("stdin", "stdout", "stderr");

  static void register(List<FieldDef> out) {
    for (int fd = 0; fd < STREAMS.size(); fd++) {
      int n = fd;
      String p = "proc." + STREAMS.get(fd);
      out.add(
          FieldDef.simple(
              p + ".type",
              STRING,
              "fd.type of descriptor " + fd + " when the program started",
              e -> {
                OpenFd f = stream(e, n);
                return f == null || f.type().isEmpty() ? null : f.type();
              }));
      out.add(
          FieldDef.simple(
              p + ".name",
              STRING,
              "fd.name of descriptor " + fd + " (a socket's connection tuple) when it started",
              e -> {
                OpenFd f = stream(e, n);
                return f == null || !f.isSocket() ? null : tuple(f);
              }));
    }
  }

  private static @Nullable OpenFd stream(EnrichedEvent e, int fd) {
    return e.event() instanceof ProcessExec x ? x.stdio(fd) : null;
  }

  /**
   * {@code client->server}. Which end connected is not known at exec; the end with the higher port
   * is taken as the client (ephemeral ports are high), as a reverse shell's is.
   */
  static String tuple(OpenFd f) {
    SocketAddress l = f.local();
    SocketAddress r = f.remote();
    if (l == null || r == null) {
      return "";
    }
    boolean localIsClient = l.port() >= r.port();
    return FdFields.endpoint(localIsClient ? l : r)
        + "->"
        + FdFields.endpoint(localIsClient ? r : l);
  }
}
