package dev.tapio.rules;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.api.event.SyscallEvent;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made enriched events for tests. */
final class Events {

  private Events() {}

  static final EventHeader HEADER =
      new EventHeader(1_000_000_000L, 100, 100, 1, Namespaces.UNKNOWN);
  static final UserInfo ROOT = new UserInfo(0, "root", "/root", "/bin/bash", -1, null, 0, "root");

  static ProcessInfo process(int pid, String name, String exePath, String... args) {
    return new ProcessInfo(
        pid,
        pid,
        pid - 1,
        name,
        name,
        exePath,
        List.of(args),
        "/tmp",
        1,
        pid,
        0,
        Credentials.root(),
        0,
        false,
        false);
  }

  /** An event whose process is {@code names[0]}, with ancestors {@code names[1..]}. */
  static EnrichedEvent of(Event event, String... names) {
    List<ProcessInfo> chain = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      chain.add(process(100 - i, names[i], "/usr/bin/" + names[i]));
    }
    return new EnrichedEvent(event, new Lineage(chain), ROOT, ContainerInfo.HOST, null, "node1");
  }

  static FileOpen open(String path, int flags) {
    return new FileOpen(HEADER, "openat", path, path, flags, 0644, 3);
  }

  static ProcessExec exec(String path, String... argv) {
    return new ProcessExec(
        HEADER,
        "execve",
        path,
        path,
        List.of(argv),
        "/",
        path.substring(path.lastIndexOf('/') + 1),
        1,
        1,
        1,
        0,
        Credentials.root(),
        false,
        false);
  }

  static SyscallEvent syscall(String type, Map<String, String> args) {
    return new SyscallEvent(HEADER, type, args, 0);
  }

  static NetworkEvent connect6(String local, String remote, int port) throws Exception {
    return new NetworkEvent(
        HEADER,
        "connect",
        10,
        6,
        5,
        SocketAddress.inet(InetAddress.getByName(local), 40000),
        SocketAddress.inet(InetAddress.getByName(remote), port),
        0);
  }

  static NetworkEvent connect(String ip, int port) throws Exception {
    return new NetworkEvent(
        HEADER,
        "connect",
        2,
        6,
        5,
        SocketAddress.inet(InetAddress.getByName("10.0.0.1"), 40000),
        SocketAddress.inet(InetAddress.getByName(ip), port),
        0);
  }
}
