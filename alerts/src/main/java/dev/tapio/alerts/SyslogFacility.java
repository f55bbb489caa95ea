package dev.tapio.alerts;

/** RFC 5424 facilities Tapio may log under. */
public enum SyslogFacility {
  USER(1),
  DAEMON(3),
  AUTH(4),
  SYSLOG(5),
  AUTHPRIV(10),
  SECURITY(13),
  LOCAL0(16),
  LOCAL1(17),
  LOCAL2(18),
  LOCAL3(19),
  LOCAL4(20),
  LOCAL5(21),
  LOCAL6(22),
  LOCAL7(23);

  private final int code;

  SyslogFacility(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
