import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A suite's results from its console log, written line by line as the tests run (kernels/guest):
 * the console launcher's test feed ({@code --details=testfeed}: {@code ENGINE > CLASS > TEST ::
 * STARTED}, then {@code :: SUCCESSFUL}, {@code FAILED}, {@code ABORTED} or {@code SKIPPED} with
 * the reason on the next, indented line), each line prefixed by the guest with the seconds since
 * the suite began. Unlike the JUnit XML, written only when the suite ends, the feed survives a
 * guest that runs out of time: the tests that finished keep their outcome, and the one started and
 * never finished is {@link Report.Outcome#RUNNING}.
 */
final class Feed {
  private Feed() {}

  private static final Pattern EVENT =
      Pattern.compile(
          "^(\\d+(?:\\.\\d+)?) (.+?) :: (STARTED|SUCCESSFUL|FAILED|ABORTED|SKIPPED)$");
  private static final Pattern DETAIL = Pattern.compile("^\\d+(?:\\.\\d+)? \\t(.*)$");

  /** The test cases of a stamped feed, in the order they finished; empty when it has none. */
  static List<Report.TestCase> testCases(List<String> log) {
    Map<String, Report.TestCase> cases = new LinkedHashMap<>();
    Map<String, String> started = new LinkedHashMap<>();
    double last = 0;
    String pending = null; // a finished case whose first detail line is its message
    for (String line : log) {
      Matcher event = EVENT.matcher(line);
      if (!event.matches()) {
        Matcher detail = DETAIL.matcher(line);
        if (pending != null && detail.matches()) {
          Report.TestCase c = cases.get(pending);
          String message = detail.group(1).strip().replaceFirst("^Reason: ", "").replace('\t', ' ');
          cases.put(pending, withMessage(c, message));
          pending = null;
        }
        continue;
      }
      double at = Double.parseDouble(event.group(1));
      String path = event.group(2);
      String status = event.group(3);
      String[] parts = path.split(" > ");
      String className = parts.length > 1 ? parts[1] : path;
      String name =
          parts.length > 2 ? String.join(" > ", List.of(parts).subList(2, parts.length)) : "(class)";
      if (status.equals("STARTED")) {
        started.put(path, className + "\t" + name);
        continue;
      }
      started.remove(path);
      Report.Outcome outcome =
          switch (status) {
            case "SUCCESSFUL" -> Report.Outcome.PASSED;
            case "FAILED" -> Report.Outcome.FAILED;
            default -> Report.Outcome.SKIPPED;
          };
      cases.put(path, new Report.TestCase(className, name, outcome, "", Math.max(0, at - last)));
      pending = outcome == Report.Outcome.PASSED ? null : path;
      last = at;
    }
    List<Report.TestCase> out = new ArrayList<>(cases.values());
    double end = last;
    for (String line : log) {
      Matcher stamp = Pattern.compile("^(\\d+(?:\\.\\d+)?) ").matcher(line);
      if (stamp.find()) {
        end = Math.max(end, Double.parseDouble(stamp.group(1)));
      }
    }
    for (String open : started.values()) {
      String[] cn = open.split("\t", 2);
      out.add(new Report.TestCase(cn[0], cn[1], Report.Outcome.RUNNING, "", end - last));
    }
    return out;
  }

  private static Report.TestCase withMessage(Report.TestCase c, String message) {
    return new Report.TestCase(c.className(), c.name(), c.outcome(), message, c.seconds());
  }
}
