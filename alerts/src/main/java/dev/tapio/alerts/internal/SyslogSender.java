package dev.tapio.alerts.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.SocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Sends formatted syslog messages: over a stream (TCP or TLS) with octet-counted framing ({@code
 * LEN SP MSG}), reconnecting after any error, or as one UDP datagram each.
 *
 * <p>TCP has no acknowledgements: bytes the kernel accepted just before the peer went away can be
 * lost without an error. Before each batch the connection is probed for an orderly close by the
 * peer, which catches a restarted receiver, but not a crashed one in between.
 */
public final class SyslogSender implements Transport<byte[]> {
  private final InetSocketAddress address;
  private final @Nullable SocketFactory streamFactory;
  private final int connectTimeoutMillis;
  private @Nullable Socket socket;
  private @Nullable OutputStream out;
  private @Nullable DatagramSocket datagrams;

  /** A stream sender; {@code factory} makes plain or TLS sockets. */
  public static SyslogSender stream(
      InetSocketAddress address, SocketFactory factory, int connectTimeoutMillis) {
    return new SyslogSender(address, factory, connectTimeoutMillis);
  }

  public static SyslogSender datagram(InetSocketAddress address) {
    return new SyslogSender(address, null, 0);
  }

  private SyslogSender(
      InetSocketAddress address, @Nullable SocketFactory streamFactory, int connectTimeoutMillis) {
    this.address = address;
    this.streamFactory = streamFactory;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  @Override
  public void deliver(List<byte[]> batch) throws IOException {
    if (streamFactory == null) {
      sendDatagrams(batch);
      return;
    }
    try {
      OutputStream stream = connected(streamFactory);
      for (byte[] message : batch) {
        stream.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
        stream.write(message);
      }
      stream.flush();
    } catch (IOException e) {
      disconnect();
      throw e;
    }
  }

  private void sendDatagrams(List<byte[]> batch) throws IOException {
    DatagramSocket socket = datagrams;
    if (socket == null) {
      socket = new DatagramSocket();
      datagrams = socket;
    }
    for (byte[] message : batch) {
      socket.send(new DatagramPacket(message, message.length, address));
    }
  }

  private OutputStream connected(SocketFactory factory) throws IOException {
    Socket current = socket;
    OutputStream stream = out;
    if (current != null && stream != null && !peerClosed(current)) {
      return stream;
    }
    disconnect();
    Socket fresh = factory.createSocket();
    try {
      fresh.connect(address, connectTimeoutMillis);
      fresh.setTcpNoDelay(true);
      fresh.setKeepAlive(true);
      if (fresh instanceof javax.net.ssl.SSLSocket tls) {
        tls.startHandshake();
      }
    } catch (IOException e) {
      fresh.close();
      throw e;
    }
    socket = fresh;
    out = new BufferedOutputStream(fresh.getOutputStream(), 64 * 1024);
    return out;
  }

  /** Whether the receiver closed its end (a syslog receiver never sends anything). */
  private static boolean peerClosed(Socket socket) {
    if (socket instanceof javax.net.ssl.SSLSocket) {
      return socket.isClosed(); // a read on TLS would block on a partial record
    }
    try {
      socket.setSoTimeout(1);
      InputStream in = socket.getInputStream();
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private void disconnect() {
    Socket current = socket;
    socket = null;
    out = null;
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        // Already gone.
      }
    }
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        // Nothing left to deliver to.
      }
    }
    disconnect();
    if (datagrams != null) {
      datagrams.close();
    }
  }
}
