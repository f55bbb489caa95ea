import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A run's results in its two forms: the directory a guest leaves (kernels/results/RUN/, ignored by
 * git: serial log, JUnit XML, `tapio sensors status`) and the summary kept in git
 * (kernels/results/RUN.tsv), one fact a line, that the page is rendered from. A rerun of some
 * kernels rewrites only their summaries, so the page keeps every other kernel's rows.
 */
final class Results {
  private Results() {}

  /** What the guest left in {@code dir}. */
  static Report.Run fromGuest(Path dir) throws Exception {
    // the JVM's own log lines ([0.7s][error][cds] ...) are not what `tapio sensors status` says
    List<String> status =
        lines(dir.resolve("status.txt")).stream()
            .filter(l -> !l.matches("^\\[[0-9.]+s\\]\\[.*"))
            .toList();
    Map<String, List<Report.TestCase>> suites = new TreeMap<>();
    for (String suite : words(first(dir.resolve("suites")))) {
      List<Report.TestCase> fed = Feed.testCases(lines(dir.resolve(suite + ".log")));
      if (!fed.isEmpty()) {
        suites.put(suite, fed);
      }
    }
    Path junit = dir.resolve("junit");
    if (suites.isEmpty() && Files.isDirectory(junit)) {
      try (Stream<Path> files = Files.walk(junit)) {
        for (Path xml : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
          suites
              .computeIfAbsent(junit.relativize(xml).getName(0).toString(), k -> new ArrayList<>())
              .addAll(testCases(xml));
        }
      }
    }
    String seconds = first(dir.resolve("seconds"));
    String exit = first(dir.resolve("qemu.rc"));
    return new Report.Run(
        dir.getFileName().toString(),
        first(dir.resolve("package")),
        first(dir.resolve("cmdline")),
        first(dir.resolve("uname")),
        first(dir.resolve("lsm")),
        words(first(dir.resolve("suites"))),
        seconds.isEmpty() ? 0 : Long.parseLong(seconds),
        exit.isEmpty() ? 0 : Integer.parseInt(exit),
        status,
        suites,
        lines(dir.resolve("overhead.txt")).stream().filter(l -> l.startsWith("|")).toList());
  }

  /** The summary of {@code run}: a key, a tab, a value; status lines and test cases repeat. */
  static String summary(Report.Run run) {
    StringBuilder out = new StringBuilder();
    out.append("# kernels/matrix run ")
        .append(run.name())
        .append(": written by kernels/Report.java from kernels/results/")
        .append(run.name())
        .append("/, read back to render docs/kernel-compatibility.md\n");
    field(out, "package", run.packageName());
    field(out, "cmdline", run.cmdline());
    field(out, "release", run.release());
    field(out, "lsm", run.lsm());
    field(out, "suites", String.join(" ", run.requested()));
    field(out, "seconds", Long.toString(run.seconds()));
    field(out, "exit", Integer.toString(run.exit()));
    run.status().stream().takeWhile(l -> !l.startsWith("host:")).forEach(l -> field(out, "status", l));
    run.overhead().forEach(l -> field(out, "overhead", l));
    run.suites()
        .forEach(
            (suite, cases) ->
                cases.forEach(
                    c ->
                        field(
                            out,
                            "test",
                            String.join(
                                "\t",
                                suite,
                                c.className(),
                                c.name(),
                                c.outcome().name(),
                                c.message(),
                                String.format(Locale.ROOT, "%.1f", c.seconds())))));
    return out.toString();
  }

  /** The run a summary describes. */
  static Report.Run fromSummary(String name, List<String> lines) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> status = new ArrayList<>();
    List<String> overhead = new ArrayList<>();
    Map<String, List<Report.TestCase>> suites = new TreeMap<>();
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] kv = line.split("\t", 2);
      String value = kv.length > 1 ? kv[1] : "";
      switch (kv[0]) {
        case "status" -> status.add(value);
        case "overhead" -> overhead.add(value);
        case "test" -> {
          String[] t = value.split("\t", 6);
          suites
              .computeIfAbsent(t[0], k -> new ArrayList<>())
              .add(
                  new Report.TestCase(
                      t[1],
                      t[2],
                      Report.Outcome.valueOf(t[3]),
                      t.length > 4 ? t[4] : "",
                      t.length > 5 ? Double.parseDouble(t[5]) : 0));
        }
        default -> fields.put(kv[0], value);
      }
    }
    return new Report.Run(
        name,
        fields.getOrDefault("package", ""),
        fields.getOrDefault("cmdline", ""),
        fields.getOrDefault("release", ""),
        fields.getOrDefault("lsm", ""),
        words(fields.getOrDefault("suites", "")),
        Long.parseLong(fields.getOrDefault("seconds", "0")),
        Integer.parseInt(fields.getOrDefault("exit", "0")),
        status,
        suites,
        overhead);
  }

  private static void field(StringBuilder out, String key, String value) {
    out.append(key).append('\t').append(value.replace('\n', ' ')).append('\n');
  }

  private static List<String> words(String text) {
    return Stream.of(text.split(" +")).filter(s -> !s.isEmpty()).toList();
  }

  private static List<Report.TestCase> testCases(Path xml) throws Exception {
    List<Report.TestCase> cases = new ArrayList<>();
    NodeList nodes =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(xml.toFile())
            .getElementsByTagName("testcase");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element tc = (Element) nodes.item(i);
      Report.Outcome outcome = Report.Outcome.PASSED;
      String message = "";
      for (String tag : List.of("failure", "error", "skipped")) {
        NodeList found = tc.getElementsByTagName(tag);
        if (found.getLength() > 0) {
          Element e = (Element) found.item(0);
          outcome = tag.equals("skipped") ? Report.Outcome.SKIPPED : Report.Outcome.FAILED;
          message = e.getAttribute("message");
          if (message.isEmpty()) {
            message = e.getTextContent().strip();
          }
          message =
              message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
          break;
        }
      }
      String className = tc.getAttribute("classname");
      cases.add(
          new Report.TestCase(
              className.substring(className.lastIndexOf('.') + 1),
              tc.getAttribute("name"),
              outcome,
              message.replace('\t', ' '),
              0));
    }
    return cases;
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.isReadable(file) ? Files.readAllLines(file) : List.of();
  }

  private static String first(Path file) throws IOException {
    return lines(file).stream().findFirst().orElse("").strip();
  }
}
