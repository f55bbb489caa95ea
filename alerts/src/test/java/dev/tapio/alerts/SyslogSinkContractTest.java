package dev.tapio.alerts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syslog sink over TCP against a small in-process receiver that reads RFC 6587 octet-counted
 * frames strictly: a malformed frame fails the test (no message is recorded for it).
 */
class SyslogSinkContractTest extends CountedSinkContract {
  private static final Pattern SEQ = Pattern.compile("\\] \uFEFFalert (\\d+)$");
  private final ServerSocket server;
  private final List<Long> seqs = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  SyslogSinkContractTest() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofPlatform().daemon().start(this::accept);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread.ofPlatform().daemon().start(() -> read(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void read(Socket socket) {
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream())) {
      while (true) {
        int length = 0;
        int c;
        while ((c = in.read()) != ' ') {
          if (c < 0) {
            return;
          }
          if (c < '0' || c > '9') {
            throw new IllegalStateException("bad frame length byte " + c);
          }
          length = length * 10 + (c - '0');
        }
        String message = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        Matcher m = SEQ.matcher(message);
        if (message.startsWith("<") && m.find()) {
          seqs.add(Long.parseLong(m.group(1)));
        }
      }
    } catch (IOException | RuntimeException e) {
      // The connection ends; what was read is recorded.
    }
  }

  @Override
  CountedAlertSink newSink() {
    return SyslogSink.builder()
        .port(server.getLocalPort())
        .transport(SyslogTransport.TCP)
        .delivery(POLICY)
        .build();
  }

  @Override
  List<Long> received() throws Exception {
    // The sink flushed to the kernel; wait until the reader threads have caught up.
    int seen = -1;
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (seqs.size() != seen && System.nanoTime() < deadline) {
      seen = seqs.size();
      Thread.sleep(100);
    }
    return List.copyOf(seqs);
  }

  @Override
  void stopReceiver() throws Exception {
    server.close();
    acceptor.join(1000);
  }
}
