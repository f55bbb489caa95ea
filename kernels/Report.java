import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns the matrix's results into docs/kernel-compatibility.md, and checks them.
 *
 * <pre>
 *   java kernels/Report.java RESULTS kernels.tsv [RUN...]
 *       summarizes each RUN's guest directory RESULTS/RUN/ into RESULTS/RUN.tsv, then prints the
 *       page from the summaries of every run in kernels.tsv (without RUN, from the summaries alone)
 *   java kernels/Report.java --check RESULTS RUN...
 *       exit 1 unless every RUN booted, finished in time, reported its sensors and passed every test
 * </pre>
 *
 * Everything on the page is read from what the guests wrote (kernels/guest): the kernel release,
 * its LSM list, `tapio sensors status` as printed, and the console launcher's JUnit XML, kept per
 * run in a summary under git ({@link Results}). Nothing about a kernel is written here by hand, so
 * the page cannot drift from a run, and a rerun of one kernel keeps the others' rows.
 */
public final class Report {
  private Report() {}

  /** One guest run: what the guest left in RESULTS/RUN, or its summary RESULTS/RUN.tsv. */
  record Run(
      String name,
      String packageName,
      String cmdline,
      String release,
      String lsm,
      List<String> requested,
      long seconds,
      int exit,
      List<String> status,
      Map<String, List<TestCase>> suites,
      List<String> overhead) {

    Map<String, String> features() {
      return section("kernel features:");
    }

    Map<String, String> sensors() {
      return section("sensors:");
    }

    /** The {@code name: value} lines of one section of `tapio sensors status`. */
    private Map<String, String> section(String title) {
      Map<String, String> out = new LinkedHashMap<>();
      boolean in = false;
      for (String line : status) {
        if (!line.startsWith("  ")) {
          in = line.equals(title);
        } else if (in && !line.startsWith("   ") && line.indexOf(": ") > 0) {
          int colon = line.indexOf(": ");
          out.put(line.substring(2, colon), line.substring(colon + 2));
        }
      }
      return out;
    }

    /** The test the guest was running when it stopped, if it stopped in one. */
    Optional<TestCase> running() {
      return suites.values().stream()
          .flatMap(List::stream)
          .filter(c -> c.outcome() == Outcome.RUNNING)
          .findFirst();
    }

    Optional<String> problem() {
      if (exit == 124) {
        return Optional.of(
            "the guest ran out of time after "
                + seconds
                + " s"
                + running().map(c -> " in " + c.className() + " " + c.name()).orElse("")
                + " (see serial.log)");
      }
      if (exit != 0) {
        return Optional.of("qemu exited " + exit + " (see serial.log)");
      }
      if (release.isEmpty()) {
        return Optional.of("the guest did not come up (see serial.log)");
      }
      if (sensors().isEmpty()) {
        return Optional.of("tapio sensors status printed no sensors");
      }
      if (requested.contains(OVERHEAD) && overhead.isEmpty()) {
        return Optional.of("the overhead benchmark printed no table (see overhead.log)");
      }
      for (String suite : requested) {
        if (suite.equals(OVERHEAD)) {
          continue;
        }
        List<TestCase> cases = suites.getOrDefault(suite, List.of());
        if (cases.isEmpty()) {
          return Optional.of("no " + suite + " test results");
        }
        long failed = cases.stream().filter(c -> c.outcome() == Outcome.FAILED).count();
        Optional<TestCase> running =
            cases.stream().filter(c -> c.outcome() == Outcome.RUNNING).findFirst();
        if (failed > 0 || running.isPresent()) {
          return Optional.of(
              failed
                  + " "
                  + suite
                  + " tests failed"
                  + running.map(c -> ", " + c.className() + " " + c.name() + " never finished").orElse(""));
        }
      }
      return Optional.empty();
    }
  }

  /** The suite that runs benchmarks/sensor-overhead.sh in the guest: a table, no test cases. */
  static final String OVERHEAD = "overhead";

  enum Outcome {
    PASSED,
    FAILED,
    SKIPPED,
    /** Started, never finished: the guest stopped (ran out of time) while it ran. */
    RUNNING
  }

  /**
   * One test's outcome and its wall time in seconds: from the previous test's end to its own, so a
   * class's first test carries the class's setup (0 when unknown: results from JUnit XML).
   */
  record TestCase(String className, String name, Outcome outcome, String message, double seconds) {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("--check")) {
      System.exit(check(Path.of(args[1]), List.of(args).subList(2, args.length)));
    }
    if (args.length < 2) {
      System.err.println("usage: Report RESULTS kernels.tsv [RUN...] | Report --check RESULTS RUN...");
      System.exit(2);
    }
    Path results = Path.of(args[0]);
    for (String name : List.of(args).subList(2, args.length)) {
      Files.writeString(
          results.resolve(name + ".tsv"), Results.summary(Results.fromGuest(results.resolve(name))));
    }
    List<Run> runs = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String name = line.split("\t")[0];
        Path summary = results.resolve(name + ".tsv");
        if (Files.isRegularFile(summary)) {
          runs.add(Results.fromSummary(name, Files.readAllLines(summary)));
        }
      }
    }
    System.out.print(Page.render(runs));
  }

  private static int check(Path results, List<String> names) throws Exception {
    int bad = 0;
    for (String name : names) {
      Path summary = results.resolve(name + ".tsv");
      Optional<String> problem =
          Files.isRegularFile(summary)
              ? Results.fromSummary(name, Files.readAllLines(summary)).problem()
              : Optional.of("no results");
      System.out.println(
          "matrix: " + name + ": " + problem.map(p -> "FAILED: " + p).orElse("passed"));
      if (Files.isRegularFile(summary)) {
        Run run = Results.fromSummary(name, Files.readAllLines(summary));
        run.suites()
            .forEach(
                (suite, cases) -> {
                  System.out.println(
                      "matrix: "
                          + name
                          + ": "
                          + suite
                          + ": "
                          + Page.counts(run, suite)
                          + String.format(
                              " in %.0f s",
                              cases.stream().mapToDouble(TestCase::seconds).sum()));
                  cases.stream()
                      .filter(c -> c.outcome() == Outcome.FAILED || c.outcome() == Outcome.RUNNING)
                      .forEach(
                          c ->
                              System.out.println(
                                  "matrix: "
                                      + name
                                      + ":   "
                                      + (c.outcome() == Outcome.RUNNING
                                          ? "running when the guest stopped: "
                                          : "failed: ")
                                      + c.className()
                                      + " "
                                      + c.name()
                                      + (c.message().isEmpty() ? "" : " — " + c.message())));
                });
      }
      bad += problem.isPresent() ? 1 : 0;
    }
    return bad == 0 ? 0 : 1;
  }

  /** The markdown page. */
  static final class Page {
    private Page() {}

    static String render(List<Run> runs) {
      StringBuilder md = new StringBuilder();
      md.append(
          """
          # Kernel compatibility

          <!-- Generated by kernels/matrix from kernels/results; do not edit by hand. -->

          What Tapio's sensors run on, kernel by kernel: real Debian kernels booted under qemu
          (software emulation) with this machine's root shared read-only, running `tapio sensors
          status`, the privileged sensor tests and the end-to-end tests from one host build.
          `kernels/matrix all` reproduces every figure here (`kernels/README.md`); times are
          emulated and say nothing about speed. CI runs the oldest and the newest kernel and 5.10
          with BPF LSM on (`kernels/matrix ci`) after every build; the others when the sensors'
          hooks change. Each run's results are kept in `kernels/results/RUN.tsv`, so a rerun of
          some kernels leaves the other rows as they were.

          """);
      md.append("## Kernels\n\n");
      md.append("| run | kernel | LSMs active | sensor tests | end-to-end tests | guest time |\n");
      md.append("|---|---|---|---|---|---|\n");
      for (Run r : runs) {
        md.append("| ")
            .append(r.name())
            .append(r.cmdline().isEmpty() ? "" : " (`" + r.cmdline() + "`)")
            .append(" | ")
            .append(r.release().isEmpty() ? "did not boot" : r.release())
            .append(" (").append(r.packageName()).append(") | ")
            .append(r.lsm())
            .append(" | ")
            .append(counts(r, "sensors"))
            .append(" | ")
            .append(counts(r, "end-to-end"))
            .append(" | ")
            .append(r.exit() == 124 ? "**timed out** after " : "")
            .append(r.seconds())
            .append(" s |\n");
      }
      table(md, "Kernel features (probed by loading and attaching)", "feature", runs, Run::features);
      table(md, "Sensors: the tier each one chose", "sensor", runs, r -> brief(r.sensors()));
      table(md, "Sensor tests on each kernel", "test class", runs, r -> byClass(r, "sensors"));
      table(
          md, "End-to-end tests on each kernel", "test class", runs, r -> byClass(r, "end-to-end"));
      failures(md, runs);
      richerTiers(md, runs);
      compat(md, runs);
      overhead(md, runs);
      md.append("\n## What a user sees: `tapio sensors status` on each kernel\n");
      for (Run r : runs) {
        md.append("\n### ").append(r.name()).append("\n\n```\n");
        r.status().stream()
            .takeWhile(l -> !l.startsWith("host:"))
            .forEach(l -> md.append(l).append('\n'));
        md.append("```\n");
      }
      md.append(ARM64);
      return md.toString();
    }

    /** The overhead benchmark's table from each run that ran it (MATRIX_SUITES=overhead). */
    private static void overhead(StringBuilder md, List<Run> runs) {
      List<Run> measured = runs.stream().filter(r -> !r.overhead().isEmpty()).toList();
      if (measured.isEmpty()) {
        return;
      }
      md.append(
          """

          ## Sensor overhead inside a guest

          `benchmarks/sensor-overhead.sh` run in the guest (`MATRIX_SUITES=overhead kernels/matrix
          RUN`: its settings are in `kernels/guest`), so the sensors run on the tier this kernel
          allows. Under emulation the seconds mean nothing; read the ratios against `none` and
          against the floor. docs/performance.md says how to read the columns.
          """);
      for (Run r : measured) {
        md.append("\n### ").append(r.name()).append("\n\n");
        r.overhead().forEach(l -> md.append(l).append('\n'));
      }
    }

    /** The arm64 objects are proven by their own run and page (kernels/arm64/run). */
    static final String ARM64 =
        """

        ## arm64

        The x86-64 kernels above run the x86-64 objects. The arm64 objects are loaded and attached
        in Debian's arm64 kernel under `qemu-system-aarch64` by `kernels/arm64/run`, which writes
        [kernel-compatibility-arm64.md](kernel-compatibility-arm64.md): the hooks attached per
        object and mechanism, and those arm64 cannot have (syscalls it has only in their `*at`
        forms).
        """;

    private static void table(
        StringBuilder md,
        String title,
        String what,
        List<Run> runs,
        java.util.function.Function<Run, Map<String, String>> column) {
      Set<String> rows = new LinkedHashSet<>();
      runs.forEach(r -> rows.addAll(column.apply(r).keySet()));
      if (rows.isEmpty()) {
        md.append("\n## ").append(title).append("\n\nNo results from any kernel.\n");
        return;
      }
      md.append("\n## ").append(title).append("\n\n| ").append(what);
      runs.forEach(r -> md.append(" | ").append(r.name()));
      md.append(" |\n|---");
      runs.forEach(r -> md.append("|---"));
      md.append("|\n");
      for (String row : rows) {
        md.append("| ").append(row);
        for (Run r : runs) {
          md.append(" | ").append(cell(column.apply(r).getOrDefault(row, "—")));
        }
        md.append(" |\n");
      }
    }

    /** The line of `tapio sensors status` naming the hooks on syscall tracepoints. */
    static final String SLOW_PATH = "syscall tracepoints (every syscall on the slow path): ";

    /**
     * Where the kernel allows fentry or BPF LSM, which hooks still run on syscall tracepoints
     * ({@code sys_enter_*}, {@code sys_exit_*}, raw {@code sys_enter}/{@code sys_exit}): the work
     * list for fentry/LSM variants. Only those count: attaching one puts every syscall of every
     * task on the slow path, while a hook on {@code tp_btf}, {@code raw_tp} or a tracepoint of the
     * scheduler, signals, sockets or packets costs only the events it hooks. Read from the status
     * line that names them ({@code Sensors.SLOW_PATH}).
     */
    private static void richerTiers(StringBuilder md, List<Run> runs) {
      md.append("\n## Where fentry or BPF LSM is allowed, hooks still on syscall tracepoints\n\n");
      md.append(
          """
          Only syscall tracepoints count here (`sys_enter_*`, `sys_exit_*`, raw `sys_enter` and
          `sys_exit`): attaching one puts every syscall of every task on the slow path, hooked or
          not. Hooks on `tp_btf`, `raw_tp` or the scheduler's, signals', sockets' and packets'
          tracepoints cost only the events they hook. From the status line `syscall tracepoints`.

          """);
      boolean any = false;
      for (Run r : runs) {
        List<String> richer =
            Stream.of("fentry", "lsm")
                .filter(f -> r.features().getOrDefault(f, "").equals("supported"))
                .toList();
        if (richer.isEmpty()) {
          continue;
        }
        String slow =
            r.status().stream()
                .filter(l -> l.startsWith(SLOW_PATH))
                .map(l -> l.substring(SLOW_PATH.length()))
                .findFirst()
                .orElse("not reported (a build before the status named them)");
        any = true;
        md.append("- ")
            .append(r.name())
            .append(" allows ")
            .append(String.join(" and ", richer))
            .append(": ")
            .append(slow)
            .append('\n');
      }
      if (!any) {
        md.append("No kernel in this run allows fentry or BPF LSM.\n");
      }
    }

    /** The line of `tapio sensors status` naming the hooks 32-bit syscalls pass unseen. */
    static final String COMPAT = "32-bit syscalls (int 0x80, 32-bit binaries) unseen by: ";

    /**
     * Which hooks do not see syscalls through x86-64's 32-bit entry, per run: read from the status
     * line that names them ({@code Sensors.COMPAT}).
     */
    private static void compat(StringBuilder md, List<Run> runs) {
      md.append("\n## 32-bit syscalls\n\n");
      md.append(
          """
          A syscall through x86-64's 32-bit entry (`int 0x80`, a 32-bit binary) passes every
          syscall's hook unseen, on either tier: the kernel's syscall tracepoints skip it, it
          enters through `__ia32_sys_*`, not the `__x64_sys_*` function the fentry tier hooks, and
          the hooks on shared functions (`do_sys_openat2`, `kernel_clone`, the security hooks) tell
          syscalls apart by their 64-bit numbers. Exec, fork, exit, seccomp (its syscall number
          then the 32-bit table's) and the socket and packet tracepoints see it. An attacker's
          32-bit binary escapes the hooks listed here (from the status line `32-bit syscalls`;
          `CompatSyscallsPrivilegedTest` shows both halves):

          """);
      for (Run r : runs) {
        String unseen =
            r.status().stream()
                .filter(l -> l.startsWith(COMPAT))
                .map(l -> l.substring(COMPAT.length()))
                .findFirst()
                .orElse("not reported (a build before the status named them)");
        md.append("- ").append(r.name()).append(": ").append(unseen).append('\n');
      }
    }

    private static void failures(StringBuilder md, List<Run> runs) {
      md.append("\n## Tests that did not pass\n\n");
      boolean any = false;
      for (Run r : runs) {
        for (var suite : r.suites().entrySet()) {
          for (TestCase c : suite.getValue()) {
            if (c.outcome() != Outcome.PASSED) {
              any = true;
              md.append("- ")
                  .append(r.name())
                  .append(", ")
                  .append(c.className())
                  .append(' ')
                  .append(c.name())
                  .append(": ")
                  .append(
                      switch (c.outcome()) {
                        case FAILED -> "**failed**";
                        case RUNNING -> "**running when the guest stopped**";
                        default -> "skipped";
                      })
                  .append(c.message().isEmpty() ? "" : " — " + cell(c.message()))
                  .append('\n');
            }
          }
        }
      }
      if (!any) {
        md.append("Every test passed on every kernel.\n");
      }
    }

    /** Statuses short enough for a table cell; the full text is in the last section. */
    private static Map<String, String> brief(Map<String, String> statuses) {
      Map<String, String> out = new LinkedHashMap<>();
      statuses.forEach(
          (name, status) -> {
            String[] reasons = status.split("; ");
            out.put(
                name,
                reasons.length <= 2
                    ? status
                    : reasons[0] + "; " + reasons[1] + "; and " + (reasons.length - 2) + " more");
          });
      return out;
    }

    /** Per test class of {@code suite}: how many of its cases passed, or what did not. */
    private static Map<String, String> byClass(Run run, String suite) {
      Map<String, List<TestCase>> classes = new TreeMap<>();
      run.suites()
          .getOrDefault(suite, List.of())
          .forEach(c -> classes.computeIfAbsent(c.className(), k -> new ArrayList<>()).add(c));
      Map<String, String> out = new LinkedHashMap<>();
      classes.forEach(
          (name, cases) -> {
            long passed = cases.stream().filter(c -> c.outcome() == Outcome.PASSED).count();
            double seconds = cases.stream().mapToDouble(TestCase::seconds).sum();
            out.put(
                name,
                passed
                    + "/"
                    + cases.size()
                    + " passed"
                    + notPassed(cases)
                    + (seconds > 0 ? String.format(", %.0f s", seconds) : ""));
          });
      return out;
    }

    static String counts(Run run, String suite) {
      List<TestCase> cases = run.suites().getOrDefault(suite, List.of());
      if (cases.isEmpty()) {
        return run.requested().contains(suite) ? "**no results**" : "not run";
      }
      return cases.stream().filter(c -> c.outcome() == Outcome.PASSED).count()
          + " passed"
          + notPassed(cases);
    }

    /** ", **2 failed**, 1 skipped, **1 running when the guest stopped**", or "". */
    private static String notPassed(List<TestCase> cases) {
      long failed = cases.stream().filter(c -> c.outcome() == Outcome.FAILED).count();
      long skipped = cases.stream().filter(c -> c.outcome() == Outcome.SKIPPED).count();
      long running = cases.stream().filter(c -> c.outcome() == Outcome.RUNNING).count();
      return (failed > 0 ? ", **" + failed + " failed**" : "")
          + (skipped > 0 ? ", " + skipped + " skipped" : "")
          + (running > 0 ? ", **" + running + " running when the guest stopped**" : "");
    }

    private static String cell(String text) {
      return text.replace("|", "\\|");
    }
  }
}
