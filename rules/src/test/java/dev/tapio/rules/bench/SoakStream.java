package dev.tapio.rules.bench;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.NamespaceChange;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.event.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * An endless, deterministic stream of synthetic events that keeps every bundled correlation busy:
 * event time advances 100 µs per event (10,000 events per second of event time, so a 60 s window
 * spans 600,000 events and windows expire all through a run), spread over 2,000 containers.
 *
 * <p>Per 1,000 events: 10 interactive shells and 5 network tools (half of them in the container of
 * a shell just before: sequences complete), 10 seccomp denials over 50 containers (thresholds
 * fire), 30 files written under fresh names (far more keys than a correlation keeps: the oldest are
 * evicted), 10 of them run 100 events later (sequences complete), one setns into the host's mount
 * namespace followed by a write below /etc, and 941 benign opens, connects and execs.
 */
final class SoakStream {
  static final long STEP_NANOS = 100_000;
  static final int CONTAINERS = 2_000;
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final Namespaces PRIVATE = new Namespaces(900, 901, 902, 903, 904, 905, 906);
  private static final Namespaces HOST = new Namespaces(10, 11, 12, 13, 14, 15, 16);
  private static final Namespaces ENTERED = new Namespaces(10, 901, 902, 903, 904, 905, 906);
  private static final String[] LIBS = {
    "/usr/lib/x86_64-linux-gnu/libc.so.6", "/var/www/html/index.html", "/etc/nginx/nginx.conf"
  };

  private final ContainerInfo[] containers = new ContainerInfo[CONTAINERS];
  private final Lineage[] nginx = new Lineage[CONTAINERS];
  private final Lineage[] bash = new Lineage[CONTAINERS];
  private final Lineage[] curl = new Lineage[CONTAINERS];
  private final UserInfo user = new UserInfo(0, "root", "/root", "/bin/sh", 0, "root", 0, "root");
  private final SocketAddress local;
  private final SocketAddress remote;
  private long n;

  SoakStream() {
    try {
      local = SocketAddress.inet(InetAddress.getByName("10.0.0.5"), 40000);
      remote = SocketAddress.inet(InetAddress.getByName("10.0.0.9"), 8080);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    ProcessInfo shim = process(1, "containerd-shim", "/usr/bin/containerd-shim", List.of(), 0);
    for (int c = 0; c < CONTAINERS; c++) {
      containers[c] =
          new ContainerInfo(
              "%08x5eed%052x".formatted(c, c), // container.id is the first 12 digits
              "app-" + c,
              "docker.io/library/nginx:1.27",
              "docker.io/library/nginx",
              "1.27",
              "",
              "containerd",
              false,
              List.of(),
              Map.of(),
              0);
      nginx[c] = lineage(process(100, "nginx", "/usr/sbin/nginx", List.of("-g"), 0), shim);
      bash[c] = lineage(process(200, "bash", "/bin/bash", List.of(), 34816), shim);
      curl[c] = lineage(process(300, "curl", "/usr/bin/curl", List.of("-so", "/tmp/x"), 0), shim);
    }
  }

  /** How many events were made so far. */
  long count() {
    return n;
  }

  EnrichedEvent next() {
    long i = n++;
    long time = T0 + i * STEP_NANOS;
    int slot = (int) (i % 1000);
    long block = i / 1000;
    int c = container(i);
    EventHeader h = new EventHeader(time, 100, 100, 7, PRIVATE);
    if (slot == 0 || slot == 2 || slot == 4) {
      return event(exec(h, "/bin/bash", 34816), bash[container(block * 7 + slot)], c(block, slot));
    }
    if (slot >= 500 && slot < 505) {
      int in = slot == 500 || slot == 502 ? container(block * 7 + slot - 500) : c;
      return event(exec(h, "/usr/bin/curl", 0), curl[in], containers[in]);
    }
    if (slot >= 100 && slot < 110) {
      int in = (int) (block % 50);
      var denial =
          new SeccompViolation(
              h, 101, "ptrace", SeccompViolation.Action.ERRNO, 1, SeccompViolation.Source.ERRNO);
      return event(denial, nginx[in], containers[in]);
    }
    if (slot >= 200 && slot < 230) {
      String path = "/srv/cache/d" + (i % 1_000_003);
      int flags = 0x241; // O_WRONLY | O_CREAT | O_TRUNC
      return event(new FileOpen(h, "openat", path, path, flags, 0755, 5), curl[c], containers[c]);
    }
    if (slot >= 300 && slot < 310) {
      long written = i - 100; // slot 200..209 of this block
      String path = "/srv/cache/d" + (written % 1_000_003);
      int in = container(written);
      ProcessInfo run = process(400, path.substring(11), path, List.of(), 0);
      return event(exec(h, path, 0), lineage(run, nginx[in].chain().getFirst()), containers[in]);
    }
    if (slot == 400) {
      var setns = new NamespaceChange(h, "setns", 0x20000, null, null, PRIVATE, ENTERED, HOST, 0);
      return event(setns, bash[c], containers[c]);
    }
    if (slot == 401) {
      int in = container(i - 1);
      var write = new FileOpen(h, "openat", "/etc/cron.d/x", "/etc/cron.d/x", 0x241, 0644, 5);
      return event(write, bash[in], containers[in]);
    }
    Event benign =
        switch (slot % 3) {
          case 0 -> new FileOpen(h, "openat", LIBS[slot % 3], LIBS[slot % 3], 0, 0, 5);
          case 1 -> new NetworkEvent(h, "connect", 2, 6, 9, local, remote, 0);
          default -> exec(h, "/usr/sbin/nginx", 0);
        };
    return event(benign, nginx[c], containers[c]);
  }

  private ContainerInfo c(long block, int slot) {
    return containers[container(block * 7 + slot)];
  }

  /** A well-spread container for {@code x}. */
  private static int container(long x) {
    return (int) (((x * 0x9E3779B97F4A7C15L) >>> 33) % CONTAINERS);
  }

  private EnrichedEvent event(Event e, Lineage lineage, ContainerInfo container) {
    return new EnrichedEvent(e, lineage, user, container, null, "node1");
  }

  private static ProcessExec exec(EventHeader h, String exe, int tty) {
    return new ProcessExec(
        h,
        "execve",
        exe,
        exe,
        List.of(exe),
        "/",
        exe.substring(exe.lastIndexOf('/') + 1),
        1,
        1,
        1,
        tty,
        Credentials.root(),
        false,
        false);
  }

  private static Lineage lineage(ProcessInfo process, ProcessInfo parent) {
    return new Lineage(List.of(process, parent));
  }

  private static ProcessInfo process(int pid, String name, String exe, List<String> args, int tty) {
    return new ProcessInfo(
        pid,
        pid,
        1,
        name,
        exe,
        exe,
        args,
        "/",
        1,
        pid,
        tty,
        Credentials.root(),
        1_699_999_000_000_000_000L,
        false,
        false);
  }
}
