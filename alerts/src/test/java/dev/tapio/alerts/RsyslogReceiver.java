package dev.tapio.alerts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A real rsyslogd (Debian packages {@code rsyslog}, and {@code rsyslog-gnutls} for TLS) on loopback
 * ports with a private configuration: imtcp (plain and TLS inputs) and imudp write every message
 * through a JSON template to one file. Started in the foreground, stopped by its PID.
 */
final class RsyslogReceiver implements AutoCloseable {
  static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
  static final String MISSING =
      "rsyslogd is not installed (apt-get install rsyslog rsyslog-gnutls): syslog receiver tests"
          + " skipped";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path out;
  final int tcpPort;
  final int udpPort;
  final int tlsPort;

  private RsyslogReceiver(Process process, Path out, int tcpPort, int udpPort, int tlsPort) {
    this.process = process;
    this.out = out;
    this.tcpPort = tcpPort;
    this.udpPort = udpPort;
    this.tlsPort = tlsPort;
  }

  /** Starts rsyslogd in {@code dir}; with {@code pki}, a TLS input too. */
  static RsyslogReceiver start(Path dir, @Nullable TestPki pki) throws Exception {
    assumeTrue(Files.isExecutable(RSYSLOGD), MISSING);
    int tcp = freeTcpPort();
    int tls = freeTcpPort();
    int udp;
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      udp = socket.getLocalPort();
    }
    Path out = dir.resolve("out.json");
    StringBuilder conf = new StringBuilder();
    conf.append("global(workDirectory=\"").append(dir).append("\" maxMessageSize=\"64k\"");
    if (pki != null) {
      conf.append(" defaultNetstreamDriverCAFile=\"")
          .append(pki.ca())
          .append('"')
          .append(" defaultNetstreamDriverCertFile=\"")
          .append(pki.serverCert())
          .append('"')
          .append(" defaultNetstreamDriverKeyFile=\"")
          .append(pki.serverKey())
          .append('"');
    }
    conf.append(")\n");
    conf.append("module(load=\"imtcp\" maxSessions=\"50\")\n");
    conf.append("module(load=\"imudp\")\n");
    conf.append(
        """
        template(name="tapiojson" type="list" option.jsonf="on") {
          property(outname="pri" name="pri" format="jsonf")
          property(outname="facility" name="syslogfacility" format="jsonf")
          property(outname="severity" name="syslogseverity" format="jsonf")
          property(outname="version" name="protocol-version" format="jsonf")
          property(outname="time" name="timereported" dateFormat="rfc3339" format="jsonf")
          property(outname="hostname" name="hostname" format="jsonf")
          property(outname="app" name="app-name" format="jsonf")
          property(outname="procid" name="procid" format="jsonf")
          property(outname="msgid" name="msgid" format="jsonf")
          property(outname="sd" name="structured-data" format="jsonf")
          property(outname="input" name="inputname" format="jsonf")
          property(outname="msg" name="msg" format="jsonf")
        }
        ruleset(name="out") {
          action(type="omfile" file="%s" template="tapiojson" flushOnTXEnd="on" asyncWriting="off")
        }
        """
            .formatted(out));
    conf.append("input(type=\"imtcp\" address=\"127.0.0.1\" port=\"")
        .append(tcp)
        .append("\" ruleset=\"out\")\n");
    conf.append("input(type=\"imudp\" address=\"127.0.0.1\" port=\"")
        .append(udp)
        .append("\" ruleset=\"out\")\n");
    if (pki != null) {
      conf.append("input(type=\"imtcp\" address=\"127.0.0.1\" port=\"")
          .append(tls)
          .append("\" ruleset=\"out\" streamDriver.name=\"gtls\" streamDriver.mode=\"1\"")
          .append(" streamDriver.authMode=\"anon\")\n");
    }
    Path confFile = dir.resolve("rsyslog.conf");
    Files.writeString(confFile, conf);
    RsyslogReceiver receiver = new RsyslogReceiver(launch(dir), out, tcp, udp, tls);
    receiver.awaitListening(tcp, dir);
    if (pki != null) {
      receiver.awaitListening(tls, dir);
    }
    return receiver;
  }

  /** Stops this rsyslogd and starts a new one with the same configuration and ports. */
  RsyslogReceiver restart() throws Exception {
    close();
    Path dir = out.getParent();
    RsyslogReceiver again = new RsyslogReceiver(launch(dir), out, tcpPort, udpPort, tlsPort);
    again.awaitListening(tcpPort, dir);
    return again;
  }

  private static Process launch(Path dir) throws IOException {
    Path confFile = dir.resolve("rsyslog.conf");
    return new ProcessBuilder(
            RSYSLOGD.toString(),
            "-n",
            "-f",
            confFile.toString(),
            "-i",
            dir.resolve("rsyslogd.pid").toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd.log").toFile()))
        .start();
  }

  private static int freeTcpPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitListening(int port, Path dir) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "rsyslogd exited: " + Files.readString(dir.resolve("rsyslogd.log")));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("rsyslogd did not listen on " + port);
  }

  /** Waits until {@code count} messages arrived (or 10 s passed) and returns them all. */
  List<JsonNode> awaitMessages(int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<JsonNode> messages = read();
    while (messages.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
      messages = read();
    }
    return messages;
  }

  private List<JsonNode> read() throws IOException {
    List<JsonNode> messages = new ArrayList<>();
    if (!Files.exists(out)) {
      return messages;
    }
    for (String line : Files.readAllLines(out)) {
      if (!line.isBlank()) {
        messages.add(JSON.readTree(line));
      }
    }
    return messages;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM to this rsyslogd's PID only
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
