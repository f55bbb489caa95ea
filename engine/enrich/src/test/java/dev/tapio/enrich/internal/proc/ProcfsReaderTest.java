package dev.tapio.enrich.internal.proc;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.enrich.ProcessTableLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcfsReaderTest {
  @TempDir Path proc;

  /** A procfs entry as the kernel lays it out, for a process that is not this test's. */
  private void fakeProcess(int pid, int tgid, String comm, byte[] cmdline) throws IOException {
    fakeProcess(pid, tgid, comm, cmdline, "/usr/bin/my (odd) prog");
  }

  private void fakeProcess(int pid, int tgid, String comm, byte[] cmdline, String exe)
      throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
    Files.writeString(
        dir.resolve("stat"),
        pid
            + " ("
            + comm
            + ") S 1 "
            + pid
            + " "
            + pid
            + " 34817 0 4194560 0 0 0 0 0 0 0 0 20 0 1 0 "
            + "250 0 0\n");
    Files.writeString(
        dir.resolve("status"),
        "Name:\t"
            + comm
            + "\nTgid:\t"
            + tgid
            + "\nNSpid:\t"
            + pid
            + "\t7\nUid:\t1000\t0\t0\t0\nGid:\t100\t100\t100\t100\nCapInh:\t0000000000000000\n"
            + "CapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffffff\n");
    Files.write(dir.resolve("cmdline"), cmdline);
    Files.writeString(dir.resolve("loginuid"), "4294967295");
    Files.writeString(dir.resolve("cgroup"), "12:cpu:/\n0::/kubepods/pod1/abc\n");
    Files.writeString(dir.resolve("comm"), comm + "\n");
    Files.createSymbolicLink(dir.resolve("exe"), Path.of(exe));
    Files.createSymbolicLink(dir.resolve("cwd"), Path.of("/srv"));
  }

  @Test
  void readsAProcessAsTheKernelShowsIt() throws IOException {
    Files.writeString(proc.resolve("stat"), "cpu 1 2 3\nbtime 1700000000\n");
    fakeProcess(
        321, 321, "my (odd) prog", "prog\0--flag\0value\0".getBytes(StandardCharsets.UTF_8));

    ProcessInfo info = requireNonNull(new ProcfsReader(proc).read(321));

    assertThat(info.name()).isEqualTo("my (odd) prog");
    assertThat(info.exe()).isEqualTo("prog");
    assertThat(info.args()).containsExactly("--flag", "value");
    assertThat(info.ppid()).isEqualTo(1);
    assertThat(info.vpid()).isEqualTo(7);
    assertThat(info.tty()).isEqualTo(34817);
    assertThat(info.cwd()).isEqualTo("/srv");
    assertThat(info.credentials())
        .isEqualTo(new Credentials(1000, 100, 0, 100, -1, 0x1ffffffffffL, 0x1ffffffffffL, 0));
    assertThat(info.startTimeNanos()).isEqualTo(1_700_000_002_500_000_000L);
  }

  @Test
  void theNameIsTheTasksCommandNameNotTheExecutablesBasename() throws IOException {
    fakeProcess(
        330, 330, "sleep", "sleep\0005\0".getBytes(StandardCharsets.UTF_8), "/usr/bin/busybox");
    fakeProcess(
        331,
        331,
        "kube-controller",
        "/usr/local/bin/kube-controller-manager\0--v=2\0".getBytes(StandardCharsets.UTF_8),
        "/usr/local/bin/kube-controller-manager");

    ProcfsReader procfs = new ProcfsReader(proc);
    ProcessInfo applet = requireNonNull(procfs.read(330));
    ProcessInfo longName = requireNonNull(procfs.read(331));

    assertThat(applet.name()).isEqualTo("sleep");
    assertThat(applet.exe()).isEqualTo("sleep");
    assertThat(applet.exePath()).isEqualTo("/usr/bin/busybox");
    assertThat(applet.cmdline()).isEqualTo("sleep 5");
    assertThat(longName.name()).isEqualTo("kube-controller");
    assertThat(longName.exe()).isEqualTo("/usr/local/bin/kube-controller-manager");
    assertThat(longName.cmdline()).isEqualTo("kube-controller --v=2");
  }

  @Test
  void withoutItsCommFileTheNameComesFromStat() throws IOException {
    fakeProcess(340, 340, "pip", "/bin/sh\0/usr/bin/pip\0".getBytes(StandardCharsets.UTF_8));
    Files.delete(proc.resolve("340/comm"));
    assertThat(requireNonNull(new ProcfsReader(proc).read(340)).name()).isEqualTo("pip");
  }

  @Test
  void aThreadIdResolvesToItsProcess() throws IOException {
    fakeProcess(400, 400, "java", "java\0".getBytes(StandardCharsets.UTF_8));
    fakeProcess(401, 400, "C2 Compiler", new byte[0]);
    assertThat(requireNonNull(new ProcfsReader(proc).read(401)).pid()).isEqualTo(400);
  }

  @Test
  void readsTheUnifiedOrTheLegacyCgroupPath() throws IOException {
    fakeProcess(500, 500, "x", "x\0".getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        proc.resolve("500/cgroup"), "4:memory:/\n3:cpu:/docker/x\n0::/kubepods/pod1/abc\n");
    ProcfsReader procfs = new ProcfsReader(proc);
    assertThat(procfs.cgroupPath(500, true)).isEqualTo("/kubepods/pod1/abc");
    assertThat(procfs.cgroupPath(500, false)).isEqualTo("/docker/x");
    assertThat(procfs.cgroupPath(501, true)).isNull();
  }

  @Test
  void seedsTheTableFromTheRealProcfs() {
    ProcfsReader procfs = new ProcfsReader(Path.of("/proc"));
    ProcessTable table =
        new ProcessTable(
            ProcessTableLimits.DEFAULT,
            procfs,
            new UserDirectory(Path.of("/etc"), System::nanoTime),
            System::nanoTime);

    assertThat(table.seed()).isPositive();

    int self = (int) ProcessHandle.current().pid();
    ProcessInfo me = requireNonNull(table.get(self));
    assertThat(me.name()).isEqualTo("java");
    assertThat(me.ppid()).isEqualTo((int) ProcessHandle.current().parent().orElseThrow().pid());
    assertThat(table.lineage(self).chain().getLast().pid()).isEqualTo(1);
  }
}
