package dev.tapio.sensors.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.FileChange;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.event.ProcessFork;
import dev.tapio.sensors.internal.abi.Abi;
import dev.tapio.sensors.internal.abi.Abi.ChangeEvent;
import dev.tapio.sensors.internal.abi.Abi.ChangeSyscall;
import dev.tapio.sensors.internal.abi.Abi.EventKind;
import dev.tapio.sensors.internal.abi.Abi.ExecEvent;
import dev.tapio.sensors.internal.abi.Abi.ExecFlags;
import dev.tapio.sensors.internal.abi.Abi.ExitEvent;
import dev.tapio.sensors.internal.abi.Abi.ForkEvent;
import dev.tapio.sensors.internal.abi.Abi.ForkSyscall;
import dev.tapio.sensors.internal.abi.Abi.Header;
import dev.tapio.sensors.internal.abi.Abi.OpenEvent;
import dev.tapio.sensors.internal.abi.Abi.OpenSyscall;
import dev.tapio.sensors.internal.abi.Abi.PathKind;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Decoders against records built byte by byte at the offsets of the generated {@link Abi} (which
 * {@code AbiCheckTest} compares with the compiled objects).
 */
class EventDecoderTest {
  private static final long OFFSET = 1_700_000_000_000_000_000L;
  private final EventDecoder decoder = new EventDecoder(OFFSET);

  /** A record: header filled in, fixed part of {@code fixed} bytes, then {@code data}. */
  private static ByteBuffer record(EventKind kind, int fixed, byte[]... data) {
    return record(kind.value(), fixed, data);
  }

  private static ByteBuffer record(int kind, int fixed, byte[]... data) {
    int size = fixed;
    for (byte[] d : data) {
      size += d.length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(Header.BOOT_NS, 5_000L);
    b.putLong(Header.CGROUP_ID, 4242L);
    b.putInt(Header.PID, 100);
    b.putInt(Header.TID, 101);
    b.putShort(Header.KIND, (short) kind);
    b.putInt(Header.SIZE, size);
    int[] namespaces = {
      Abi.Namespaces.MNT,
      Abi.Namespaces.PID,
      Abi.Namespaces.NET,
      Abi.Namespaces.UTS,
      Abi.Namespaces.IPC,
      Abi.Namespaces.USER,
      Abi.Namespaces.CGROUP
    };
    for (int i = 0; i < namespaces.length; i++) {
      b.putInt(Header.NS + namespaces[i], (int) (4026531830L + i));
    }
    int at = fixed;
    for (byte[] d : data) {
      b.put(at, d);
      at += d.length;
    }
    return b;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static MemorySegment seg(ByteBuffer b) {
    return MemorySegment.ofArray(b.array());
  }

  @Test
  void headerCarriesEpochTimeIdsCgroupAndNamespaces() {
    ProcessExit exit = (ProcessExit) decoder.decode(seg(record(EventKind.EXIT, ExitEvent.SIZEOF)));
    assertThat(exit.header().timeNanos()).isEqualTo(OFFSET + 5_000L);
    assertThat(exit.header().pid()).isEqualTo(100);
    assertThat(exit.header().tid()).isEqualTo(101);
    assertThat(exit.header().cgroupId()).isEqualTo(4242L);
    assertThat(exit.header().namespaces())
        .isEqualTo(
            new Namespaces(
                4026531830L,
                4026531831L,
                4026531832L,
                4026531833L,
                4026531834L,
                4026531835L,
                4026531836L));
  }

  @Test
  void recordsWithTheSameNamespacesShareThemAndAChangedOneIsSeen() {
    ByteBuffer b = record(EventKind.EXIT, ExitEvent.SIZEOF);
    Namespaces first = decoder.decode(seg(b)).header().namespaces();
    assertThat(decoder.decode(seg(b)).header().namespaces()).isSameAs(first);
    b.putInt(Header.NS + Abi.Namespaces.NET, 7);
    Namespaces changed = decoder.decode(seg(b)).header().namespaces();
    assertThat(changed.net()).isEqualTo(7);
    assertThat(changed.mnt()).isEqualTo(first.mnt());
    assertThat(changed.cgroup()).isEqualTo(first.cgroup());
  }

  @Test
  void execDecodesCredentialsAndTheFiveStrings() {
    byte[] argv = bytes("ls\0-l\0/tmp\0");
    byte[] env = bytes("HOME=/root\0GLIBC_TUNABLES=a=b\0");
    ByteBuffer b =
        record(
            EventKind.EXEC,
            ExecEvent.SIZEOF,
            bytes("/bin/ls"),
            argv,
            bytes("/usr/bin/ls"),
            bytes("/home/user"),
            env);
    b.putInt(ExecEvent.PPID, 1);
    b.putInt(ExecEvent.SID, 7);
    b.putInt(ExecEvent.PGID, 8);
    b.putInt(ExecEvent.TTY, (136 << 20) | 3); // pts/3
    b.putInt(ExecEvent.UID, 1000).putInt(ExecEvent.GID, 1001).putInt(ExecEvent.EUID, 0);
    b.putInt(ExecEvent.EGID, 1003).putInt(ExecEvent.LOGINUID, 1000);
    b.putLong(ExecEvent.CAP_EFFECTIVE, 0x1L << 21).putLong(ExecEvent.CAP_PERMITTED, 0x3L);
    b.putLong(ExecEvent.CAP_INHERITABLE, 0L);
    b.put(ExecEvent.COMM, bytes("ls\0\0"));
    b.putShort(ExecEvent.FILENAME_LEN, (short) 7).putShort(ExecEvent.ARGV_LEN, (short) argv.length);
    b.putShort(ExecEvent.EXE_LEN, (short) 11).putShort(ExecEvent.CWD_LEN, (short) 10);
    b.putShort(ExecEvent.ENV_LEN, (short) env.length);

    ProcessExec e = (ProcessExec) decoder.decode(seg(b));
    assertThat(e.type()).isEqualTo("execve");
    assertThat(e.filename()).isEqualTo("/bin/ls");
    assertThat(e.argv()).containsExactly("ls", "-l", "/tmp");
    assertThat(e.exePath()).isEqualTo("/usr/bin/ls");
    assertThat(e.cwd()).isEqualTo("/home/user");
    assertThat(e.comm()).isEqualTo("ls");
    assertThat(e.ppid()).isEqualTo(1);
    assertThat(e.sessionId()).isEqualTo(7);
    assertThat(e.pgid()).isEqualTo(8);
    assertThat(e.tty()).isEqualTo((136 << 20) | 3);
    assertThat(e.credentials())
        .isEqualTo(new Credentials(1000, 1001, 0, 1003, 1000, 1L << 21, 3L, 0L));
    assertThat(e.exeFromMemfd()).isFalse();
    assertThat(e.env()).containsExactly("HOME=/root", "GLIBC_TUNABLES=a=b");
    // the next exec with the same environment shares its list
    assertThat(((ProcessExec) decoder.decode(seg(b))).env()).isSameAs(e.env());
  }

  @Test
  void execOfAMemfdIsFlaggedAndTruncatedArgvKeepsItsTail() {
    byte[] argv = bytes("a\0bc");
    ByteBuffer b =
        record(
            EventKind.EXEC,
            ExecEvent.SIZEOF,
            new byte[0],
            argv,
            bytes("/memfd:payload (deleted)"),
            new byte[0]);
    b.putShort(ExecEvent.ARGV_LEN, (short) argv.length).putShort(ExecEvent.EXE_LEN, (short) 24);
    ProcessExec e = (ProcessExec) decoder.decode(seg(b));
    assertThat(e.argv()).containsExactly("a", "bc");
    assertThat(e.exeFromMemfd()).isTrue();
    assertThat(e.cwd()).isEmpty();
    assertThat(e.type()).isEqualTo("execve");
    assertThat(e.exeUpperLayer()).isFalse();
    b.putInt(ExecEvent.FLAGS, ExecFlags.EXECVEAT.value() | ExecFlags.UPPER_LAYER.value());
    ProcessExec at = (ProcessExec) decoder.decode(seg(b));
    assertThat(at.type()).isEqualTo("execveat");
    assertThat(at.exeUpperLayer()).isTrue();
  }

  @Test
  void forkNamesTheSyscallAndTheChild() {
    ByteBuffer b = record(EventKind.FORK, ForkEvent.SIZEOF);
    b.putInt(ForkEvent.CHILD_PID, 200).putInt(ForkEvent.CHILD_TID, 201);
    b.putLong(ForkEvent.CLONE_FLAGS, 0x00010000L | 0x100L);
    b.putInt(ForkEvent.SYSCALL, ForkSyscall.CLONE3.value());
    b.put(ForkEvent.COMM, bytes("worker"));
    ProcessFork f = (ProcessFork) decoder.decode(seg(b));
    assertThat(f.type()).isEqualTo("clone3");
    assertThat(f.childPid()).isEqualTo(200);
    assertThat(f.childTid()).isEqualTo(201);
    assertThat(f.isThread()).isTrue();
    assertThat(f.comm()).isEqualTo("worker");
    b.putInt(ForkEvent.SYSCALL, ForkSyscall.UNKNOWN.value());
    assertThat(decoder.decode(seg(b)).type()).isEqualTo("clone");
    b.putInt(ForkEvent.SYSCALL, ForkSyscall.VFORK.value());
    assertThat(decoder.decode(seg(b)).type()).isEqualTo("vfork");
  }

  @Test
  void exitSplitsTheWaitStatus() {
    ByteBuffer b = record(EventKind.EXIT, ExitEvent.SIZEOF);
    b.putInt(ExitEvent.EXIT_CODE, 9).putInt(ExitEvent.GROUP_DEAD, 1);
    ProcessExit e = (ProcessExit) decoder.decode(seg(b));
    assertThat(e.exitCode()).isEqualTo(9);
    assertThat(e.signal()).isEqualTo(9);
    assertThat(e.groupLeader()).isTrue();
  }

  private FileOpen open(
      OpenSyscall syscall, PathKind pathKind, long result, String raw, String resolved) {
    ByteBuffer b = record(EventKind.OPEN, OpenEvent.SIZEOF, bytes(raw), bytes(resolved));
    b.putLong(OpenEvent.RESULT, result).putInt(OpenEvent.DFD, -100);
    b.putInt(OpenEvent.FLAGS, 0101).putInt(OpenEvent.MODE, 0644);
    b.putShort(OpenEvent.SYSCALL, (short) syscall.value());
    b.putShort(OpenEvent.PATH_KIND, (short) pathKind.value());
    b.putShort(OpenEvent.RAW_LEN, (short) bytes(raw).length);
    b.putShort(OpenEvent.PATH_LEN, (short) bytes(resolved).length);
    return (FileOpen) decoder.decode(seg(b));
  }

  @Test
  void successfulOpenUsesThePathOfTheNewFile() {
    FileOpen o = open(OpenSyscall.OPENAT, PathKind.FILE, 3, "../etc/./passwd", "/etc/passwd");
    assertThat(o.type()).isEqualTo("openat");
    assertThat(o.path()).isEqualTo("/etc/passwd");
    assertThat(o.rawPath()).isEqualTo("../etc/./passwd");
    assertThat(o.flags()).isEqualTo(0101);
    assertThat(o.mode()).isEqualTo(0644);
    assertThat(o.result()).isEqualTo(3);
  }

  @Test
  void failedRelativeOpenIsJoinedToItsBaseDirectory() {
    FileOpen o = open(OpenSyscall.OPENAT2, PathKind.BASE, -2, "sub/../missing", "/home/user");
    assertThat(o.type()).isEqualTo("openat2");
    assertThat(o.path()).isEqualTo("/home/user/missing");
    assertThat(o.succeeded()).isFalse();
  }

  @Test
  void failedAbsoluteOpenIsNormalised() {
    FileOpen o = open(OpenSyscall.OPEN, PathKind.NONE, -13, "/etc//./shadow", "");
    assertThat(o.type()).isEqualTo("open");
    assertThat(o.path()).isEqualTo("/etc/shadow");
    assertThat(open(OpenSyscall.CREAT, PathKind.NONE, -13, "/x", "").type()).isEqualTo("creat");
  }

  private FileChange change(ChangeSyscall syscall, int mode, int flags, String... pieces) {
    byte[][] data = new byte[4][];
    for (int i = 0; i < 4; i++) {
      data[i] = bytes(pieces[i]);
    }
    ByteBuffer b = record(EventKind.CHANGE, ChangeEvent.SIZEOF, data);
    b.putLong(ChangeEvent.RESULT, 0).putInt(ChangeEvent.SYSCALL, syscall.value());
    b.putInt(ChangeEvent.MODE, mode).putInt(ChangeEvent.FLAGS, flags);
    int[] lengths = {
      ChangeEvent.PATH_LEN,
      ChangeEvent.PATH_BASE_LEN,
      ChangeEvent.TARGET_LEN,
      ChangeEvent.TARGET_BASE_LEN
    };
    for (int i = 0; i < 4; i++) {
      b.putShort(lengths[i], (short) data[i].length);
    }
    return (FileChange) decoder.decode(seg(b));
  }

  @Test
  void renameJoinsEachPathToItsOwnBase() {
    FileChange c = change(ChangeSyscall.RENAMEAT2, 0, 1, "a", "/home/u", "../b", "/srv/x");
    assertThat(c.type()).isEqualTo("renameat2");
    assertThat(c.operation()).isEqualTo(FileChange.Operation.RENAME);
    assertThat(c.path()).isEqualTo("/home/u/a");
    assertThat(c.target()).isEqualTo("/srv/b");
    assertThat(c.mode()).isZero();
  }

  @Test
  void unlinkatWithRemovedirIsAnRmdir() {
    FileChange c = change(ChangeSyscall.UNLINKAT, 0, 0x200, "/tmp/d", "", "", "");
    assertThat(c.operation()).isEqualTo(FileChange.Operation.RMDIR);
    assertThat(c.target()).isNull();
    assertThat(change(ChangeSyscall.UNLINKAT, 0, 0, "/tmp/f", "", "", "").operation())
        .isEqualTo(FileChange.Operation.UNLINK);
  }

  @Test
  void fchmodTakesThePathOfItsFileAndSymlinkKeepsItsContent() {
    FileChange fchmod = change(ChangeSyscall.FCHMOD, 0640, 0, "", "/etc/app.conf", "", "");
    assertThat(fchmod.operation()).isEqualTo(FileChange.Operation.CHMOD);
    assertThat(fchmod.path()).isEqualTo("/etc/app.conf");
    assertThat(fchmod.mode()).isEqualTo(0640);
    FileChange ln = change(ChangeSyscall.SYMLINKAT, 0, 0, "link", "/tmp", "../../target", "");
    assertThat(ln.operation()).isEqualTo(FileChange.Operation.SYMLINK);
    assertThat(ln.path()).isEqualTo("/tmp/link");
    assertThat(ln.target()).isEqualTo("../../target");
  }

  @Test
  void malformedRecordsAreRefusedWithAReason() {
    assertThatThrownBy(() -> decoder.decode(MemorySegment.ofArray(new byte[10])))
        .hasMessage("record of 10 bytes is shorter than its kind 0 needs (64)");
    assertThatThrownBy(() -> decoder.decode(seg(record(9, Header.SIZEOF))))
        .hasMessage("unknown record kind 9");
    assertThatThrownBy(() -> decoder.decode(seg(record(EventKind.EXEC, 100))))
        .hasMessage("record of 100 bytes is shorter than its kind 1 needs (328)");
  }
}
