package dev.tapio.sensors.internal.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The verifier's log of a refused program, shortened for a status: its first line (where the
 * verifier began) and its last two (what it refused, and how far it got). libbpf prints the log
 * between {@code -- BEGIN PROG LOAD LOG --} and {@code -- END PROG LOAD LOG --}.
 */
final class VerifierLog {
  static final String BEGIN = "-- BEGIN PROG LOAD LOG --";
  static final String END = "-- END PROG LOAD LOG --";

  /** {@code %s} = the lines kept, joined. */
  static final String SUMMARY = "verifier: %s";

  static final String JOIN = " | ";
  static final String GAP = " ... ";

  private VerifierLog() {}

  /** The log's lines between the markers, without blank ones; empty when libbpf logged none. */
  static List<String> extract(List<String> libbpfLines) {
    List<String> out = new ArrayList<>();
    boolean inside = false;
    for (String line : libbpfLines) {
      if (line.contains(BEGIN)) {
        out.clear();
        inside = true;
      } else if (line.contains(END)) {
        inside = false;
      } else if (inside && !line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }

  /** {@code "verifier: first ... last-but-one | last"}, or "" when there is no verifier log. */
  static String summary(List<String> libbpfLines) {
    List<String> log = extract(libbpfLines);
    if (log.isEmpty()) {
      return "";
    }
    if (log.size() <= 3) {
      return SUMMARY.formatted(String.join(JOIN, log));
    }
    return SUMMARY.formatted(
        log.getFirst() + GAP + String.join(JOIN, log.subList(log.size() - 2, log.size())));
  }
}
