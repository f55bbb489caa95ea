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
 * Simulated pods for the privileged network tests (shared with the engine's through this module's
 * test jar): network namespaces, each joined by a veth pair to one bridge in a switch namespace of
 * its own (IPv4 10.231.S.N/24 and IPv6 fd00:231:S::N/64 for the N-th pod, from 1), and per pod a
 * cgroup2 directory under a test-owned parent in the cgroup2 hierarchy (where /proc/self/mountinfo
 * says it is mounted: /sys/fs/cgroup/unified on a hybrid host, /sys/fs/cgroup on a unified one).
 * Nothing is added to the host's own namespace. {@link #close} ends the processes it started (by
 * pid), then removes the cgroups and the namespaces (which take their veth ends and the bridge
 * along).
 */
public final class NetPods implements AutoCloseable {
  static final Path CGROUP_ROOT = cgroup2Mount();

  /** Where the cgroup2 hierarchy is mounted (field 5 of its mountinfo line). */
  static Path cgroup2Mount() {
    try {
      return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
          .filter(line -> line.contains(" - cgroup2 "))
          .map(line -> Path.of(line.split(" ")[4]))
          .findFirst()
          .orElse(Path.of("/sys/fs/cgroup"));
    } catch (IOException e) {
      return Path.of("/sys/fs/cgroup");
    }
  }

  final String tag =
      "tp" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
  final int subnet = ThreadLocalRandom.current().nextInt(1, 250);
  private final Path parent = CGROUP_ROOT.resolve("tapio-test-" + tag);
  private final String bridgeNs = tag + "sw";
  private final List<Process> processes = new ArrayList<>();
  private final List<Pod> pods = new ArrayList<>();
  private final List<String> namespaces = new ArrayList<>();
  private final List<Path> cgroups = new ArrayList<>();
  private final List<String> hostVeths = new ArrayList<>();

  /** One simulated pod. */
  public record Pod(String name, String netns, Path cgroup, String ipv4, String ipv6) {
    public long netnsInode() throws IOException {
      return (Long) Files.getAttribute(Path.of("/run/netns/" + netns), "unix:ino");
    }

    public long cgroupId() throws IOException {
      return (Long) Files.getAttribute(cgroup, "unix:ino");
    }

    /** The pod's IPv6 address when {@code v6}, else its IPv4 one. */
    public String ip(boolean v6) {
      return v6 ? ipv6 : ipv4;
    }
  }

  /** The first two pods. */
  final Pod a;

  final Pod b;

  /** Two pods. */
  NetPods() throws Exception {
    this(2);
  }

  /** {@code count} pods (1 to 200) on one bridge. */
  public NetPods(int count) throws Exception {
    if (count < 1 || count > 200) {
      throw new IllegalArgumentException("count must be within 1..200, was " + count);
    }
    Files.createDirectory(parent);
    try {
      sh("ip netns add " + bridgeNs);
      namespaces.add(bridgeNs);
      sh(
          "ip -n "
              + bridgeNs
              + " link add br0 type bridge && ip -n "
              + bridgeNs
              + " link set br0 up");
      for (int i = 1; i <= count; i++) {
        pods.add(pod(i));
      }
    } catch (Exception e) {
      close();
      throw e;
    }
    a = pods.get(0);
    b = pods.size() > 1 ? pods.get(1) : pods.get(0);
  }

  /** The IPv4 network of the pods, {@code 10.231.S.0/24}. */
  public String ipv4Network() {
    return "10.231." + subnet + ".0/24";
  }

  /** The IPv6 network of the pods, {@code fd00:231:S::/64}. */
  public String ipv6Network() {
    return "fd00:231:" + subnet + "::/64";
  }

  /** The pods, first to last. */
  public List<Pod> pods() {
    return List.copyOf(pods);
  }

  private Pod pod(int host) throws IOException, InterruptedException {
    String name = "p" + host;
    String ns = tag + name;
    sh("ip netns add " + ns);
    namespaces.add(0, ns);
    Path cg = Files.createDirectory(parent.resolve(name));
    cgroups.add(cg);
    Pod pod =
        new Pod(name, ns, cg, "10.231." + subnet + "." + host, "fd00:231:" + subnet + "::" + host);
    String dev = tag + "v" + host;
    String peer = dev + "b";
    hostVeths.add(dev);
    sh("ip link add " + dev + " type veth peer name " + peer);
    sh("ip link set " + dev + " netns " + ns + " && ip link set " + peer + " netns " + bridgeNs);
    sh("ip -n " + bridgeNs + " link set " + peer + " master br0 up");
    String in = "ip -n " + ns + " ";
    sh(
        in
            + "link set lo up && "
            + in
            + "link set "
            + dev
            + " up && "
            + in
            + "addr add "
            + pod.ipv4
            + "/24 dev "
            + dev
            + " && "
            + in
            + "-6 addr add "
            + pod.ipv6
            + "/64 dev "
            + dev
            + " nodad");
    return pod;
  }

  /** Starts a command in the pod's cgroup and network namespace; stdout is readable. */
  public Process start(Pod pod, String command) throws IOException {
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
  public static void awaitLine(Process p, String expected) throws IOException {
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
    for (String ns : namespaces) {
      shQuietly("ip netns del " + ns); // takes its veth ends, and so the pairs, along
    }
    for (String dev : hostVeths) {
      shQuietly("ip link del " + dev + " 2>/dev/null || true"); // left behind by a failed move
    }
    for (Path cg : cgroups) {
      Files.deleteIfExists(cg);
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
