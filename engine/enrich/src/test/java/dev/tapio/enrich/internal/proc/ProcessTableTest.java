package dev.tapio.enrich.internal.proc;

import static dev.tapio.enrich.Events.TIME;
import static dev.tapio.enrich.Events.exec;
import static dev.tapio.enrich.Events.execAs;
import static dev.tapio.enrich.Events.exit;
import static dev.tapio.enrich.Events.fork;
import static dev.tapio.enrich.Events.thread;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.CredentialChange;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.enrich.ProcessTableLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTableTest {
  @TempDir Path etc;
  final AtomicLong clock = new AtomicLong(1_000);

  ProcessTable table(int maxEntries, int maxDepth) {
    return new ProcessTable(
        new ProcessTableLimits(maxEntries, maxDepth, Duration.ofSeconds(5)),
        null,
        new UserDirectory(etc, clock::get),
        clock::get);
  }

  @Test
  void execRecordsTheProgramAsFalcoNamesIt() {
    ProcessTable table = table(64, 16);
    table.apply(exec(100, 1, "/usr/bin/python3.11", "python3", "-c", "print(1)"));

    ProcessInfo process = requireNonNull(table.get(100));
    assertThat(process.name()).isEqualTo("python3.11");
    assertThat(process.exe()).isEqualTo("python3");
    assertThat(process.exePath()).isEqualTo("/usr/bin/python3.11");
    assertThat(process.args()).containsExactly("-c", "print(1)");
    assertThat(process.cmdline()).isEqualTo("python3.11 -c print(1)");
    assertThat(process.cwd()).isEqualTo("/home/alice");
    assertThat(process.ppid()).isEqualTo(1);
    assertThat(process.tty()).isEqualTo(34816);
    assertThat(process.credentials().uid()).isEqualTo(1000);
  }

  @Test
  void aSuccessfulCredentialChangeIsTheUserOfTheProcesssLaterEvents() {
    ProcessTable table = table(64, 16);
    table.apply(exec(100, 1, "/usr/bin/helper", "helper")); // uid 1000
    Credentials daemon = new Credentials(1, 1, 1, 1, 1000, 0, 0, 0);
    Credentials before = requireNonNull(table.get(100)).credentials();
    table.apply(
        new CredentialChange(
            new EventHeader(TIME + 10, 100, 100, 0, Namespaces.UNKNOWN),
            "setuid",
            Map.of("uid", "0"),
            before,
            new Credentials(0, 0, 0, 0, 1000, 0, 0, 0),
            -1)); // refused: nothing changes
    table.apply(
        new CredentialChange(
            new EventHeader(TIME + 20, 100, 100, 0, Namespaces.UNKNOWN),
            "setuid",
            Map.of("uid", "1"),
            before,
            daemon,
            0));

    assertThat(table.user(100, TIME + 30).uid()).isEqualTo(1);
    assertThat(table.user(100, TIME + 15).uid()).isEqualTo(1000);
    assertThat(requireNonNull(table.get(100)).name()).isEqualTo("helper");
  }

  @Test
  void aForkInheritsItsParentsEnvironment() {
    ProcessTable table = table(64, 16);
    table.apply(exec(100, 1, "/bin/sh", "sh").withEnv(List.of("HTTP_PROXY=http://p")));
    table.apply(fork(100, 101));
    assertThat(requireNonNull(table.get(101)).env()).containsExactly("HTTP_PROXY=http://p");
    assertThat(requireNonNull(table.get(101)).envVar("HTTP_PROXY")).isEqualTo("http://p");
  }

  @Test
  void theNameIsTheTasksCommandNameAsFalcoShowsIt() {
    ProcessTable table = table(64, 16);
    // a busybox applet: run through its link, named by it, the binary is busybox
    table.apply(execAs(20, 1, "/tmp/x/sleep", "/usr/bin/busybox", "sleep", "/tmp/x/sleep", "5"));
    // a symlinked program, named by the link
    table.apply(execAs(21, 1, "/usr/bin/vi", "/usr/bin/vim.basic", "vi", "vi", "a.txt"));
    // a #! script: the interpreter runs, the task is named after the script
    table.apply(
        execAs(22, 1, "/usr/bin/pip", "/usr/bin/python3.11", "pip", "/usr/bin/python3", "-m"));
    // a long program name, cut by the kernel
    table.apply(
        execAs(
            23,
            1,
            "/usr/local/bin/kube-controller-manager",
            "/usr/local/bin/kube-controller-manager",
            "kube-controller",
            "kube-controller-manager",
            "--v=2"));

    ProcessInfo applet = requireNonNull(table.get(20));
    assertThat(applet.name()).isEqualTo("sleep");
    assertThat(applet.exe()).isEqualTo("/tmp/x/sleep");
    assertThat(applet.exePath()).isEqualTo("/usr/bin/busybox");
    assertThat(applet.cmdline()).isEqualTo("sleep 5");
    ProcessInfo link = requireNonNull(table.get(21));
    assertThat(link.name()).isEqualTo("vi");
    assertThat(link.exePath()).isEqualTo("/usr/bin/vim.basic");
    ProcessInfo script = requireNonNull(table.get(22));
    assertThat(script.name()).isEqualTo("pip");
    assertThat(script.exe()).isEqualTo("/usr/bin/python3");
    assertThat(script.exePath()).isEqualTo("/usr/bin/python3.11");
    assertThat(script.cmdline()).isEqualTo("pip -m");
    assertThat(requireNonNull(table.get(23)).cmdline()).isEqualTo("kube-controller --v=2");
  }

  @Test
  void withoutACommandNameTheKernelsRuleNamesTheTask() {
    ProcessTable table = table(64, 16);
    table.apply(
        execAs(
            30,
            1,
            "/usr/local/bin/kube-controller-manager",
            "/usr/local/bin/kube-controller-manager",
            "",
            "kube-controller-manager"));
    table.apply(execAs(31, 1, "/tmp/x/sleep", "/usr/bin/busybox", "", "sleep"));

    assertThat(requireNonNull(table.get(30)).name()).isEqualTo("kube-controller");
    assertThat(requireNonNull(table.get(31)).name()).isEqualTo("sleep");
  }

  @Test
  void lineageNamesEachAncestorByItsCommandName() {
    ProcessTable table = table(64, 16);
    table.apply(execAs(40, 1, "/bin/sh", "/usr/bin/dash", "sh", "sh"));
    table.apply(fork(40, 41));
    table.apply(execAs(41, 40, "/tmp/x/sleep", "/usr/bin/busybox", "sleep", "sleep", "9"));

    Lineage lineage = table.lineage(41);
    assertThat(lineage.chain()).extracting(ProcessInfo::name).containsExactly("sleep", "sh");
    assertThat(requireNonNull(lineage.parent()).cmdline()).isEqualTo("sh");
    assertThat(requireNonNull(lineage.parent()).exePath()).isEqualTo("/usr/bin/dash");
  }

  @Test
  void lineageWalksForkAndExecNearestFirst() {
    ProcessTable table = table(64, 16);
    table.apply(exec(10, 1, "/usr/sbin/sshd", "sshd"));
    table.apply(fork(10, 11));
    table.apply(exec(11, 10, "/bin/bash", "-bash"));
    table.apply(fork(11, 12));
    table.apply(exec(12, 11, "/usr/bin/curl", "curl", "http://example.invalid"));

    Lineage lineage = table.lineage(12);

    assertThat(lineage.chain())
        .extracting(ProcessInfo::name)
        .containsExactly("curl", "bash", "sshd");
    assertThat(requireNonNull(lineage.parent()).pid()).isEqualTo(11);
  }

  @Test
  void forkCopiesTheParentUntilTheChildExecs() {
    ProcessTable table = table(64, 16);
    table.apply(exec(10, 1, "/bin/bash", "bash", "-i"));
    table.apply(fork(10, 20));

    ProcessInfo child = requireNonNull(table.get(20));
    assertThat(child.name()).isEqualTo("bash");
    assertThat(child.args()).containsExactly("-i");
    assertThat(child.ppid()).isEqualTo(10);
  }

  @Test
  void threadsDoNotBecomeProcesses() {
    ProcessTable table = table(64, 16);
    table.apply(exec(10, 1, "/usr/bin/java", "java"));
    table.apply(thread(10, 15));

    assertThat(table.get(15)).isNull();
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void aCachedLineageFollowsLaterChanges() {
    ProcessTable table = table(64, 16);
    table.apply(exec(10, 1, "/bin/bash", "bash"));
    table.apply(exec(11, 10, "/usr/bin/vim", "vim"));
    Lineage first = table.lineage(11);
    assertThat(table.lineage(11)).isSameAs(first);

    table.apply(exec(10, 1, "/usr/bin/zsh", "zsh")); // the parent execs
    assertThat(table.lineage(11).chain())
        .extracting(ProcessInfo::name)
        .containsExactly("vim", "zsh");
  }

  @Test
  void lineageIsBoundedByDepth() {
    ProcessTable table = table(64, 3);
    table.apply(exec(2, 1, "/a", "a"));
    for (int pid = 3; pid < 10; pid++) {
      table.apply(exec(pid, pid - 1, "/p" + pid, "p"));
    }
    assertThat(table.lineage(9).chain()).extracting(ProcessInfo::pid).containsExactly(9, 8, 7);
  }

  @Test
  void aParentCycleStopsAtTheDepthBound() {
    ProcessTable table = table(64, 16);
    table.apply(exec(5, 6, "/a", "a"));
    table.apply(exec(6, 5, "/b", "b"));
    assertThat(table.lineage(5).chain()).hasSize(16);
  }

  @Test
  void unknownPidGivesAPlaceholder() {
    ProcessTable table = table(64, 16);
    Lineage lineage = table.lineage(4242);
    assertThat(lineage.process().pid()).isEqualTo(4242);
    assertThat(lineage.process().name()).isEmpty();
    assertThat(lineage.chain()).hasSize(1);
  }

  @Test
  void exitedProcessesLingerThenGo() {
    ProcessTable table = table(64, 16);
    table.apply(exec(10, 1, "/bin/sh", "sh"));
    table.apply(exit(10));

    assertThat(table.get(10)).isNotNull();
    clock.addAndGet(Duration.ofSeconds(6).toNanos());
    table.apply(exec(11, 1, "/bin/true", "true")); // any change expires old exits
    assertThat(table.get(10)).isNull();
    assertThat(table.evictions()).isZero();
  }

  @Test
  void aFullTableEvictsExitedFirstThenOldestAndCounts() {
    ProcessTable table = table(16, 16);
    table.apply(exec(2, 1, "/keep", "keep"));
    table.apply(exec(3, 1, "/gone", "gone"));
    table.apply(exit(3));
    for (int pid = 100; pid < 115; pid++) {
      table.apply(exec(pid, 2, "/w", "w"));
    }

    assertThat(table.size()).isLessThanOrEqualTo(16);
    assertThat(table.get(3)).isNull();
    assertThat(table.evictions()).isPositive();
    assertThat(table.get(114)).isNotNull();
  }

  @Test
  void reExecReplacesTheProgramAndKeepsCwdWhenTheEventHasNone() {
    ProcessTable table = table(64, 16);
    table.apply(exec(10, 1, "/bin/sh", "sh"));
    table.apply(exec(10, 1, "/usr/bin/nc", "nc", "-l"));
    assertThat(requireNonNull(table.get(10)).name()).isEqualTo("nc");
    assertThat(table.size()).isEqualTo(1);
  }
}
