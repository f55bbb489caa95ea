package dev.tapio.sensors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Simulated pods for the privileged network tests: two network namespaces joined by a veth pair
 * (IPv4 10.231.N.1-2/24 and IPv6 fd00:231:N::1-2/64), and per pod a cgroup2 directory under a
 * test-owned parent in /sys/fs/cgroup/unified. {@link #close} ends the processes it started (by
 * pid), then removes the cgroups, the veth pair and the namespaces.
 */
final class NetPods implements AutoCloseable {
  static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup/unified");

  final String tag =
      "tp" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
  final int subnet = ThreadLocalRandom.current().nextInt(1, 250);
  private final Path parent = CGROUP_ROOT.resolve("tapio-test-" + tag);
  private final List<Process> processes = new ArrayList<>();

  /** One simulated pod. */
  record Pod(String netns, Path cgroup, String ipv4, String ipv6) {
    long netnsInode() throws IOException {
      return (Long) Files.getAttribute(Path.of("/run/netns/" + netns), "unix:ino");
    }

    long cgroupId() throws IOException {
      return (Long) Files.getAttribute(cgroup, "unix:ino");
    }
  }

  Pod a;
  Pod b;

  NetPods() throws Exception {
    Files.createDirectory(parent);
    try {
      a = pod("a", 1);
      b = pod("b", 2);
      link();
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  private void link() throws IOException, InterruptedException {
    String va = tag + "a";
    String vb = tag + "b";
    sh("ip link add " + va + " type veth peer name " + vb);
    sh("ip link set " + va + " netns " + a.netns + " && ip link set " + vb + " netns " + b.netns);
    for (Pod p : List.of(a, b)) {
      String dev = p == a ? va : vb;
      String in = "ip -n " + p.netns + " ";
      sh(
          in
              + "link set lo up && "
              + in
              + "link set "
              + dev
              + " up && "
              + in
              + "addr add "
              + p.ipv4
              + "/24 dev "
              + dev
              + " && "
              + in
              + "-6 addr add "
              + p.ipv6
              + "/64 dev "
              + dev
              + " nodad");
    }
  }

  private Pod pod(String name, int host) throws IOException, InterruptedException {
    String ns = tag + name;
    sh("ip netns add " + ns);
    Path cg = Files.createDirectory(parent.resolve(name));
    return new Pod(ns, cg, "10.231." + subnet + "." + host, "fd00:231:" + subnet + "::" + host);
  }

  /** Starts a command in the pod's cgroup and network namespace; stdout is readable. */
  Process start(Pod pod, String command) throws IOException {
    Process p =
        new ProcessBuilder(
                "/bin/sh",
                "-c",
                "echo $$ > "
                    + pod.cgroup.resolve("cgroup.procs")
                    + " && exec nsenter --net=/run/netns/"
                    + pod.netns
                    + " "
                    + command)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    processes.add(p);
    return p;
  }

  /** Reads lines of a started process until {@code expected}; fails on its end. */
  static void awaitLine(Process p, String expected) throws IOException {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      if (line.equals(expected)) {
        return;
      }
    }
    throw new IOException("process ended before saying " + expected);
  }

  static void sh(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(command + ": " + out);
    }
  }

  @Override
  public void close() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly();
      p.waitFor();
    }
    for (String name : List.of("a", "b")) {
      shQuietly("ip netns del " + tag + name); // takes its veth end, and so the pair, along
      Files.deleteIfExists(parent.resolve(name));
    }
    Files.deleteIfExists(parent);
  }

  private static void shQuietly(String command) throws InterruptedException {
    try {
      sh(command);
    } catch (IOException e) {
      // already gone
    }
  }
}
