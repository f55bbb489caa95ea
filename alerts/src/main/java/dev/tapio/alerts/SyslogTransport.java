package dev.tapio.alerts;

/** How syslog messages travel. */
public enum SyslogTransport {
  /** RFC 6587 octet-counted framing over TCP. */
  TCP,
  /** RFC 5425: octet-counted framing over TLS. */
  TLS,
  /** RFC 5426: one message per datagram; a lost datagram cannot be noticed. */
  UDP
}
