package dev.tapio.rules.internal.fields;

import static dev.tapio.rules.internal.fields.FieldType.BOOL;
import static dev.tapio.rules.internal.fields.FieldType.IPADDR;
import static dev.tapio.rules.internal.fields.FieldType.IPNET;
import static dev.tapio.rules.internal.fields.FieldType.NUMBER;
import static dev.tapio.rules.internal.fields.FieldType.STRING;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.event.FileChange;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.IpText;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.SocketAddress;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code fd.*} and {@code fs.path.*}: the file descriptor an event acts on (the opened file, the
 * socket) and the paths of file-system changes.
 */
final class FdFields {

  private FdFields() {}

  /** Calls where this task is the server end (the peer is the client). */
  private static final Set<String> SERVER_SIDE =
      Set.of("accept", "accept4", "listen", "bind", "recvfrom", "recvmsg");

  static void register(List<FieldDef> out) {
    out.add(FieldDef.simple("fd.name", STRING, "file path or connection tuple", FdFields::name));
    out.add(
        FieldDef.simple(
            "fd.nameraw",
            STRING,
            "the path as passed",
            e -> e.event() instanceof FileOpen o ? o.rawPath() : name(e)));
    out.add(
        FieldDef.simple(
            "fd.directory",
            STRING,
            "the directory of a file",
            e -> e.event() instanceof FileOpen o ? directory(o.path()) : null));
    out.add(
        FieldDef.simple(
            "fd.filename",
            STRING,
            "the file name without directory",
            e ->
                e.event() instanceof FileOpen o
                    ? o.path().substring(o.path().lastIndexOf('/') + 1)
                    : null));
    out.add(FieldDef.simple("fd.type", STRING, "file, ipv4, ipv6 or unix", FdFields::type));
    out.add(
        FieldDef.simple(
            "fd.typechar",
            STRING,
            "f, 4, 6 or u",
            e -> {
              String t = type(e);
              return t == null
                  ? null
                  : switch (t) {
                    case "file" -> "f";
                    case "ipv4" -> "4";
                    case "ipv6" -> "6";
                    case "unix" -> "u";
                    default -> "o";
                  };
            }));
    out.add(
        FieldDef.simple(
            "fd.num",
            NUMBER,
            "the descriptor number",
            e ->
                switch (e.event()) {
                  case FileOpen o -> o.result() >= 0 ? o.result() : -1L; // Falco: -1 when failed
                  case NetworkEvent n -> (long) n.fd();
                  default -> null;
                }));
    out.add(
        FieldDef.simple(
            "fd.sockfamily",
            STRING,
            "ip or unix",
            e -> e.event() instanceof NetworkEvent n ? (n.family() == 1 ? "unix" : "ip") : null));
    out.add(
        FieldDef.simple(
            "fd.l4proto",
            STRING,
            "tcp, udp, icmp or raw",
            e -> {
              if (!(e.event() instanceof NetworkEvent n) || n.family() == 1) {
                return null;
              }
              return switch (n.protocol()) {
                case 6 -> "tcp";
                case 17 -> "udp";
                case 1, 58 -> "icmp";
                default -> "raw";
              };
            }));
    out.add(
        FieldDef.simple(
            "fd.connected",
            BOOL,
            "whether the socket is connected",
            e ->
                e.event() instanceof NetworkEvent n
                    ? n.remote() != null && n.result() >= 0
                    : null));
    out.add(
        FieldDef.simple(
            "fd.name_changed",
            BOOL,
            "whether the name changed",
            e ->
                (e.event() instanceof FileOpen || e.event() instanceof NetworkEvent)
                    ? false
                    : null));
    endpoint(out, "c", FdFields::client);
    endpoint(out, "s", FdFields::server);
    endpoint(out, "l", e -> e.event() instanceof NetworkEvent n ? n.local() : null);
    endpoint(out, "r", e -> e.event() instanceof NetworkEvent n ? n.remote() : null);
    // fd.ip, fd.port, fd.net: either end
    out.add(either("fd.ip", IPADDR, "client or server address", a -> a.address()));
    out.add(
        either(
            "fd.net", IPNET, "client or server address, compared as a network", a -> a.address()));
    out.add(
        either(
            "fd.port",
            NUMBER,
            "client or server port",
            a -> a.port() == 0 ? null : (long) a.port()));
    out.add(either("fd.proto", STRING, "client or server protocol", a -> null));

    out.add(
        FieldDef.simple(
            "fs.path.name",
            STRING,
            "path of a file-system change",
            e -> e.event() instanceof FileChange c ? c.path() : null));
    out.add(
        FieldDef.simple(
            "fs.path.source",
            STRING,
            "source path of a rename or link",
            e -> e.event() instanceof FileChange c && c.target() != null ? c.path() : null));
    out.add(
        FieldDef.simple(
            "fs.path.target",
            STRING,
            "target path of a rename or link",
            e -> e.event() instanceof FileChange c ? c.target() : null));
  }

  private static void endpoint(
      List<FieldDef> out, String p, Function<EnrichedEvent, @Nullable SocketAddress> end) {
    String side =
        switch (p) {
          case "c" -> "client";
          case "s" -> "server";
          case "l" -> "local";
          default -> "remote";
        };
    out.add(
        FieldDef.simple("fd." + p + "ip", IPADDR, side + " IP address", e -> addr(end.apply(e))));
    out.add(
        FieldDef.simple(
            "fd." + p + "net",
            IPNET,
            side + " IP address, compared as a network",
            e -> addr(end.apply(e))));
    out.add(
        FieldDef.simple(
            "fd." + p + "port",
            NUMBER,
            side + " port",
            e -> {
              SocketAddress a = end.apply(e);
              return a == null || a.address() == null ? null : (long) a.port();
            }));
    out.add(
        FieldDef.notExtracted(
            "fd." + p + "ip.name",
            STRING,
            side + " DNS name: not resolved by Tapio, never extracted"));
    out.add(
        FieldDef.notExtracted(
            "fd." + p + "proto", STRING, side + " protocol name: never extracted"));
  }

  /**
   * A field that holds the value of the client end when it exists, else the server end. In a
   * filter, {@link FieldCatalog} compares both ends.
   */
  private static FieldDef either(
      String name, FieldType type, String what, Function<SocketAddress, @Nullable Object> get) {
    return new FieldDef(
        name,
        type,
        FieldDef.Arg.NONE,
        what,
        (e, arg) -> {
          SocketAddress c = client(e);
          Object v = c == null ? null : get.apply(c);
          if (v != null) {
            return v;
          }
          SocketAddress s = server(e);
          return s == null ? null : get.apply(s);
        });
  }

  private static @Nullable InetAddress addr(@Nullable SocketAddress a) {
    return a == null ? null : a.address();
  }

  static @Nullable SocketAddress client(EnrichedEvent e) {
    if (!(e.event() instanceof NetworkEvent n)) {
      return null;
    }
    return serverSide(n) ? n.remote() : n.local();
  }

  static @Nullable SocketAddress server(EnrichedEvent e) {
    if (!(e.event() instanceof NetworkEvent n)) {
      return null;
    }
    return serverSide(n) ? n.local() : n.remote();
  }

  /**
   * Whether this task holds the server end. Known from the call for accept, bind, listen and
   * receives; a close or a dup does not say whether the socket was connected or accepted, so the
   * end with the lower port is taken as the server (clients use high ephemeral ports).
   */
  private static boolean serverSide(NetworkEvent n) {
    if (SERVER_SIDE.contains(n.type())) {
      return true;
    }
    if (!SHAPELESS.contains(n.type()) || n.local() == null || n.remote() == null) {
      return false;
    }
    return n.local().port() < n.remote().port();
  }

  /** Calls that do not say which end this task holds. */
  private static final Set<String> SHAPELESS = Set.of("close", "dup", "dup2", "dup3");

  private static @Nullable String name(EnrichedEvent e) {
    return switch (e.event()) {
      case FileOpen o -> o.path();
      case NetworkEvent n -> n.remote() == null && n.local() == null ? null : tuple(n);
      default -> null;
    };
  }

  private static @Nullable String type(EnrichedEvent e) {
    return switch (e.event()) {
      case FileOpen o -> o.path().endsWith("/") ? "directory" : "file";
      case NetworkEvent n ->
          switch (n.family()) {
            case 2 -> "ipv4";
            case 10 -> "ipv6";
            case 1 -> "unix";
            default -> null;
          };
      default -> null;
    };
  }

  static String directory(String path) {
    int i = path.lastIndexOf('/');
    return i <= 0 ? "/" : path.substring(0, i);
  }

  /** {@code 10.0.0.1:4321->10.0.0.2:80}, client first; a unix socket shows its path. */
  static String tuple(NetworkEvent n) {
    SocketAddress c = serverSide(n) ? n.remote() : n.local();
    SocketAddress s = serverSide(n) ? n.local() : n.remote();
    if (n.family() == 1) {
      SocketAddress a = s != null ? s : c;
      return a == null || a.unixPath() == null ? "" : a.unixPath();
    }
    return endpoint(c) + "->" + endpoint(s);
  }

  static String endpoint(@Nullable SocketAddress a) {
    if (a == null || a.address() == null) {
      return "0.0.0.0:0";
    }
    // Falco (inet_ntop, no brackets): 10.0.0.1:40000->10.0.0.2:80, ::1:40000->::1:4444
    return IpText.of(a.address()) + ":" + a.port();
  }
}
