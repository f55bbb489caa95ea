package dev.tapio.recording;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.CgroupCreated;
import dev.tapio.api.event.CredentialChange;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileChange;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.LsmDenial;
import dev.tapio.api.event.NamespaceChange;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.NetworkFlow;
import dev.tapio.api.event.OpenFd;
import dev.tapio.api.event.OpenFlags;
import dev.tapio.api.event.PacketDrop;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.event.ProcessFork;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.api.event.SyscallEvent;
import dev.tapio.api.event.TcpTraffic;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one event tree into an {@link EnrichedEvent}. Hand-written cases leave out whatever does
 * not matter to them; every omitted value gets a documented default (docs/rule-testing.md).
 */
public final class EventReader {
  /** The node name used when a case gives none. */
  public static final String DEFAULT_HOSTNAME = "test-node";

  private EventReader() {}

  /**
   * Reads {@code node}; {@code path} names it in errors, {@code defaultTime} is its time when it
   * gives none.
   */
  public static EnrichedEvent read(JsonNode node, String path, long defaultTime) {
    Tree t = Tree.root(node, path);
    if (!node.isObject()) {
      throw t.error("expected a mapping with at least 'type'");
    }
    String type = t.text("type", "");
    if (type.isEmpty()) {
      throw t.get("type").error("missing event type (e.g. type: execve)");
    }
    EventKind kind = EventKind.of(type);
    Set<String> allowed = new HashSet<>(EventKind.COMMON);
    allowed.addAll(kind.keys);
    t.onlyKeys(allowed);

    long time = Times.read(t, "time", defaultTime);
    Lineage lineage = ContextReader.lineage(t, time);
    ProcessInfo process = lineage.process();
    var header =
        new EventHeader(
            time,
            process.pid(),
            t.integer("tid", process.pid()),
            t.number("cgroup_id", 0),
            namespaces(t.get("namespaces")));
    Event event = event(kind, type, t, header, process);
    return new EnrichedEvent(
        event,
        lineage,
        ContextReader.user(t.get("user"), process),
        ContextReader.container(t.get("container")),
        ContextReader.pod(t.get("pod")),
        t.text("hostname", DEFAULT_HOSTNAME),
        ContextReader.netpol(t.get("netpol")));
  }

  /** Defaults time for the {@code index}-th event of a case: one microsecond apart. */
  public static long defaultTime(int index) {
    return Times.BASE + index * 1_000L;
  }

  private static Event event(
      EventKind kind, String type, Tree t, EventHeader header, ProcessInfo process) {
    return switch (kind) {
      case EXEC ->
          new ProcessExec(
              header,
              type,
              t.text("filename", process.exePath()),
              process.exePath(),
              argv(process),
              process.cwd(),
              process.name().length() > 15 ? process.name().substring(0, 15) : process.name(),
              process.ppid(),
              process.sessionId(),
              process.pgid(),
              process.tty(),
              process.credentials(),
              process.exeFromMemfd(),
              process.exeUpperLayer(),
              stdio(t),
              process.env());
      case FORK ->
          new ProcessFork(
              header,
              type,
              t.integer("child_pid", process.pid() + 1),
              t.integer("child_tid", t.integer("child_pid", process.pid() + 1)),
              t.number("clone_flags", 0),
              process.name());
      case EXIT ->
          new ProcessExit(
              header,
              t.integer("exit_code", 0),
              t.integer("signal", 0),
              t.bool("group_leader", true));
      case OPEN -> {
        String path = t.text("path", "");
        if (path.isEmpty()) {
          throw t.get("path").error("an open needs a path");
        }
        yield new FileOpen(
            header,
            type,
            path,
            t.text("raw_path", path),
            flags(t.get("flags")),
            t.integer("mode", 0),
            t.number("result", 3));
      }
      case FILE_CHANGE ->
          new FileChange(
              header,
              type,
              EventKind.fileOperation(type),
              t.text("path", ""),
              t.textOrNull("target"),
              t.integer("mode", 0),
              t.number("result", 0));
      case NETWORK ->
          new NetworkEvent(
              header,
              type,
              family(t.get("family"), t),
              protocol(t.get("protocol")),
              t.integer("fd", 3),
              address(t.get("local")),
              address(t.get("remote")),
              t.number("result", 0),
              t.number("netns", header.namespaces().net()),
              t.integer("newfd", -1),
              t.number("duration", 0),
              traffic(t.get("traffic")),
              drop(t.get("drop")));
      case NAMESPACE ->
          new NamespaceChange(
              header,
              type,
              t.number("flags", 0),
              t.textOrNull("path"),
              t.textOrNull("source"),
              t.has("before") ? namespaces(t.get("before")) : header.namespaces(),
              t.has("after") ? namespaces(t.get("after")) : header.namespaces(),
              namespaces(t.get("host")),
              t.number("result", 0));
      case CREDENTIALS ->
          new CredentialChange(
              header,
              type,
              t.textMap("args"),
              credentials(t.get("before"), process.credentials()),
              credentials(t.get("after"), process.credentials()),
              t.number("result", 0));
      case SECCOMP ->
          new SeccompViolation(
              header,
              t.integer("syscall_nr", -1),
              t.text("syscall", ""),
              enumValue(t.get("action"), SeccompViolation.Action.class, "KILL_PROCESS"),
              t.integer("errno", 0),
              enumValue(t.get("source"), SeccompViolation.Source.class, "SIGNAL"));
      case LSM ->
          new LsmDenial(
              header,
              t.text("lsm", ""),
              t.text("operation", ""),
              t.textOrNull("path"),
              address(t.get("address")),
              t.number("target", 0),
              t.integer("errno", 13),
              enumValue(t.get("source"), LsmDenial.Source.class, "ERRNO"));
      case FLOW ->
          new NetworkFlow(
              header,
              protocol(t.get("protocol")),
              requireAddress(t.get("source")),
              requireAddress(t.get("destination")),
              t.number("bytes_out", 0),
              t.number("bytes_in", 0),
              t.number("packets_out", 0),
              t.number("packets_in", 0),
              t.text("verdict", ""),
              t.textOrNull("policy"));
      case CGROUP -> new CgroupCreated(header, t.number("created", 0), t.text("path", ""));
      case SYSCALL -> new SyscallEvent(header, type, t.textMap("args"), t.number("result", 0));
    };
  }

  private static List<String> argv(ProcessInfo p) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(p.exe()), p.args().stream())
        .toList();
  }

  /** Ids and capabilities; what is not given is taken from {@code base}. */
  private static Credentials credentials(Tree t, Credentials base) {
    if (t.missing()) {
      return base;
    }
    t.onlyKeys(Set.of("uid", "gid", "euid", "egid", "cap_effective", "cap_permitted"));
    int uid = t.integer("uid", base.uid());
    int gid = t.integer("gid", base.gid());
    return new Credentials(
        uid,
        gid,
        t.integer("euid", uid),
        t.integer("egid", gid),
        base.loginUid(),
        t.number("cap_effective", base.capEffective()),
        t.number("cap_permitted", base.capPermitted()),
        base.capInheritable());
  }

  private static Namespaces namespaces(Tree t) {
    if (t.missing()) {
      return Namespaces.UNKNOWN;
    }
    t.onlyKeys(Set.of("mnt", "pid", "net", "uts", "ipc", "user", "cgroup"));
    return new Namespaces(
        t.number("mnt", 0),
        t.number("pid", 0),
        t.number("net", 0),
        t.number("uts", 0),
        t.number("ipc", 0),
        t.number("user", 0),
        t.number("cgroup", 0));
  }

  private static int flags(Tree t) {
    if (t.missing()) {
      return OpenFlags.O_RDONLY;
    }
    if (t.node().isIntegralNumber()) {
      return t.node().asInt();
    }
    return OpenFlags.parse(t.node().asText())
        .orElseThrow(
            () ->
                t.error(
                    "unknown open flags '"
                        + t.node().asText()
                        + "' (write e.g. O_WRONLY|O_CREAT, or a number)"));
  }

  private static int family(Tree t, Tree event) {
    if (t.missing()) {
      Tree remote = event.get("remote");
      Tree local = event.get("local");
      Tree any = remote.missing() ? local : remote;
      if (!any.missing() && any.has("path")) {
        return 1;
      }
      String ip = any.missing() ? "" : any.text("ip", "");
      return ip.contains(":") ? 10 : 2;
    }
    return switch (t.node().asText().toLowerCase(Locale.ROOT)) {
      case "unix", "af_unix", "1" -> 1;
      case "inet", "ipv4", "af_inet", "2" -> 2;
      case "inet6", "ipv6", "af_inet6", "10" -> 10;
      default -> throw t.error("expected inet, inet6 or unix");
    };
  }

  /** {@code {outbound, bytes_out, bytes_in, packets_out, packets_in, retransmits}} of a close. */
  private static @Nullable TcpTraffic traffic(Tree t) {
    if (t.missing()) {
      return null;
    }
    t.onlyKeys(
        Set.of("outbound", "bytes_out", "bytes_in", "packets_out", "packets_in", "retransmits"));
    return new TcpTraffic(
        t.bool("outbound", false),
        t.number("bytes_out", 0),
        t.number("bytes_in", 0),
        t.number("packets_out", 0),
        t.number("packets_in", 0),
        t.number("retransmits", 0));
  }

  /** Why a packet was dropped ({@code drop} events); null when not given. */
  private static @Nullable PacketDrop drop(Tree t) {
    if (t.missing()) {
      return null;
    }
    t.onlyKeys(Set.of("reason", "code", "outbound"));
    return new PacketDrop(
        t.text("reason", PacketDrop.UNKNOWN), t.integer("code", 0), t.bool("outbound", false));
  }

  /** The standard streams of an exec; not known when none is given, closed when one is left out. */
  private static List<OpenFd> stdio(Tree exec) {
    List<String> streams = List.of("stdin", "stdout", "stderr");
    if (streams.stream().noneMatch(exec::has)) {
      return List.of();
    }
    return streams.stream().map(s -> stdioFd(exec.get(s))).toList();
  }

  /** {@code {type: ipv6, protocol: tcp, local: {ip, port}, remote: {ip, port}}}. */
  private static OpenFd stdioFd(Tree t) {
    if (t.missing()) {
      return OpenFd.CLOSED;
    }
    t.onlyKeys(Set.of("type", "protocol", "local", "remote"));
    String type = t.text("type", "");
    boolean ip = type.equals("ipv4") || type.equals("ipv6");
    return new OpenFd(
        type,
        ip ? protocol(t.get("protocol")) : 0,
        address(t.get("local")),
        address(t.get("remote")));
  }

  private static int protocol(Tree t) {
    if (t.missing()) {
      return 6;
    }
    return switch (t.node().asText().toLowerCase(Locale.ROOT)) {
      case "tcp", "6" -> 6;
      case "udp", "17" -> 17;
      case "icmp", "1" -> 1;
      case "icmpv6", "58" -> 58;
      case "none", "0" -> 0;
      default -> throw t.error("expected tcp, udp, icmp, icmpv6 or a protocol number");
    };
  }

  private static @Nullable SocketAddress address(Tree t) {
    if (t.missing()) {
      return null;
    }
    t.onlyKeys(Set.of("ip", "port", "path"));
    if (t.has("path")) {
      return SocketAddress.unix(t.text("path", ""));
    }
    String ip = t.text("ip", "");
    try {
      return SocketAddress.inet(InetAddress.ofLiteral(ip), t.integer("port", 0));
    } catch (IllegalArgumentException e) {
      throw t.get("ip").error("expected an IP address literal, got '" + ip + "'");
    }
  }

  private static SocketAddress requireAddress(Tree t) {
    SocketAddress a = address(t);
    if (a == null) {
      throw t.error("a flow needs both ends");
    }
    return a;
  }

  private static <E extends Enum<E>> E enumValue(Tree t, Class<E> type, String fallback) {
    String text = t.missing() ? fallback : t.node().asText().toUpperCase(Locale.ROOT);
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw t.error("expected one of " + List.of(type.getEnumConstants()));
    }
  }
}
