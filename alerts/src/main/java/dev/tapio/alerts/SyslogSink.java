package dev.tapio.alerts;

import dev.tapio.alerts.internal.BytesCodec;
import dev.tapio.alerts.internal.DeliveryQueue;
import dev.tapio.alerts.internal.SyslogFormatter;
import dev.tapio.alerts.internal.SyslogSender;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Objects;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Sends alerts as RFC 5424 syslog messages over TCP (octet-counted framing), TLS (RFC 5425) or UDP
 * (RFC 5426). Severity comes from the rule priority; the structured data carries the alert id,
 * rule, priority, source and tags; the message is the rendered output or Falco's JSON shape.
 */
public final class SyslogSink extends QueuedSink<byte[]> {

  private SyslogSink(String name, DeliveryQueue<byte[]> delivery) {
    super(name, delivery);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What the message part of each syslog message holds. */
  public enum MessageFormat {
    /** The rendered rule output. */
    TEXT,
    /** Falco's JSON alert shape, as {@link JsonLinesSink} writes it. */
    JSON
  }

  /** Settings of a {@link SyslogSink}; every setter validates at once. */
  public static final class Builder {
    static final String BAD_PORT = "syslog port must be 1-65535: %d";
    static final String TOO_SMALL = "syslog maxMessageBytes must be at least 480: %d";

    private String host = "127.0.0.1";
    private int port = 514;
    private SyslogTransport transport = SyslogTransport.TCP;
    private SyslogFacility facility = SyslogFacility.LOCAL0;
    private String appName = "tapio";
    private String hostname = "";
    private MessageFormat format = MessageFormat.TEXT;
    private int maxMessageBytes = 0; // 0: 8192 over streams, 2048 over UDP
    private Duration connectTimeout = Duration.ofSeconds(5);
    private byte @Nullable [] trustedCertificates;
    private DeliveryPolicy delivery = DeliveryPolicy.defaults();

    private String name = "syslog";

    private Builder() {}

    /**
     * The sink's name in stats and logs (default {@code syslog}); tells two sinks of a kind apart.
     */
    public Builder name(String name) {
      this.name = QueuedSink.checkedName(name);
      return this;
    }

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(BAD_PORT.formatted(port));
      }
      this.port = port;
      return this;
    }

    public Builder transport(SyslogTransport transport) {
      this.transport = Objects.requireNonNull(transport);
      return this;
    }

    public Builder facility(SyslogFacility facility) {
      this.facility = Objects.requireNonNull(facility);
      return this;
    }

    public Builder appName(String appName) {
      this.appName = appName;
      return this;
    }

    /** The HOSTNAME field; each alert's own host name when not set. */
    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    public Builder format(MessageFormat format) {
      this.format = Objects.requireNonNull(format);
      return this;
    }

    /**
     * The longest message sent (header included; the message part is cut at a character). RFC 5424
     * receivers must take 480 bytes and should take 2048; rsyslog takes 8192 by default. Default:
     * 8192 over TCP and TLS, 2048 over UDP (larger datagrams are fragmented and lost more often).
     */
    public Builder maxMessageBytes(int bytes) {
      if (bytes < 480) {
        throw new IllegalArgumentException(TOO_SMALL.formatted(bytes));
      }
      this.maxMessageBytes = bytes;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** PEM certificates to trust for TLS instead of the system's. */
    public Builder trustedCertificates(Path pemFile) {
      try {
        this.trustedCertificates = Files.readAllBytes(pemFile);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + pemFile, e);
      }
      return this;
    }

    public Builder delivery(DeliveryPolicy policy) {
      this.delivery = Objects.requireNonNull(policy);
      return this;
    }

    public SyslogSink build() {
      int max =
          maxMessageBytes > 0 ? maxMessageBytes : transport == SyslogTransport.UDP ? 2048 : 8192;
      SyslogFormatter formatter =
          new SyslogFormatter(
              facility.code(), appName, hostname, format == MessageFormat.JSON, max);
      InetSocketAddress address = new InetSocketAddress(host, port);
      int timeout = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
      SyslogSender sender =
          switch (transport) {
            case TCP -> SyslogSender.stream(address, SocketFactory.getDefault(), timeout);
            case TLS -> SyslogSender.stream(address, tlsFactory(), timeout);
            case UDP -> SyslogSender.datagram(address);
          };
      return new SyslogSink(
          name, new DeliveryQueue<>(name, delivery, new BytesCodec(formatter::format), sender));
    }

    private SocketFactory tlsFactory() {
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        TrustManagerFactory trust =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (trustedCertificates == null) {
          trust.init((KeyStore) null);
        } else {
          KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
          store.load(null, null);
          int n = 0;
          try (InputStream in = new java.io.ByteArrayInputStream(trustedCertificates)) {
            for (Certificate cert :
                CertificateFactory.getInstance("X.509").generateCertificates(in)) {
              store.setCertificateEntry("ca-" + n++, cert);
            }
          }
          trust.init(store);
        }
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalArgumentException("cannot set up TLS for syslog: " + e.getMessage(), e);
      }
    }
  }
}
