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
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoders against hand-built byte layouts of bpf/include/events.h. */
class EventDecoderTest {
  private static final long OFFSET = 1_700_000_000_000_000_000L;
  private final EventDecoder decoder = new EventDecoder(OFFSET);

  /** A record: header filled in, fixed part of {@code fixed} bytes, then {@code data}. */
  private static ByteBuffer record(int kind, int fixed, byte[]... data) {
    int size = fixed;
    for (byte[] d : data) {
      size += d.length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(0, 5_000L); // boot ns
    b.putLong(8, 4242L); // cgroup id
    b.putInt(16, 100); // pid
    b.putInt(20, 101); // tid
    b.putShort(24, (short) kind);
    b.putInt(28, size);
    for (int i = 0; i < 7; i++) {
      b.putInt(32 + 4 * i, (int) (4026531830L + i));
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
    ProcessExit exit = (ProcessExit) decoder.decode(seg(record(3, 72)));
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
  void execDecodesCredentialsAndTheFourStrings() {
    byte[] argv = bytes("ls\0-l\0/tmp\0");
    ByteBuffer b =
        record(1, 152, bytes("/bin/ls"), argv, bytes("/usr/bin/ls"), bytes("/home/user"));
    b.putInt(64, 1); // ppid
    b.putInt(68, 7); // sid
    b.putInt(72, 8); // pgid
    b.putInt(76, (136 << 20) | 3); // tty pts/3
    b.putInt(80, 1000).putInt(84, 1001).putInt(88, 0).putInt(92, 1003).putInt(96, 1000);
    b.putLong(104, 0x1L << 21).putLong(112, 0x3L).putLong(120, 0L);
    b.put(128, bytes("ls\0\0"));
    b.putShort(144, (short) 7).putShort(146, (short) argv.length);
    b.putShort(148, (short) 11).putShort(150, (short) 10);

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
  }

  @Test
  void execOfAMemfdIsFlaggedAndTruncatedArgvKeepsItsTail() {
    byte[] argv = bytes("a\0bc");
    ByteBuffer b =
        record(1, 152, new byte[0], argv, bytes("/memfd:payload (deleted)"), new byte[0]);
    b.putShort(146, (short) argv.length).putShort(148, (short) 24);
    ProcessExec e = (ProcessExec) decoder.decode(seg(b));
    assertThat(e.argv()).containsExactly("a", "bc");
    assertThat(e.exeFromMemfd()).isTrue();
    assertThat(e.cwd()).isEmpty();
    assertThat(e.type()).isEqualTo("execve");
    assertThat(e.exeUpperLayer()).isFalse();
    b.putInt(100, 3);
    ProcessExec at = (ProcessExec) decoder.decode(seg(b));
    assertThat(at.type()).isEqualTo("execveat");
    assertThat(at.exeUpperLayer()).isTrue();
  }

  @Test
  void forkNamesTheSyscallAndTheChild() {
    ByteBuffer b = record(2, 104);
    b.putInt(64, 200).putInt(68, 201).putLong(72, 0x00010000L | 0x100L).putInt(80, 2);
    b.put(88, bytes("worker"));
    ProcessFork f = (ProcessFork) decoder.decode(seg(b));
    assertThat(f.type()).isEqualTo("clone3");
    assertThat(f.childPid()).isEqualTo(200);
    assertThat(f.childTid()).isEqualTo(201);
    assertThat(f.isThread()).isTrue();
    assertThat(f.comm()).isEqualTo("worker");
    b.putInt(80, 0);
    assertThat(decoder.decode(seg(b)).type()).isEqualTo("clone");
    b.putInt(80, 4);
    assertThat(decoder.decode(seg(b)).type()).isEqualTo("vfork");
  }

  @Test
  void exitSplitsTheWaitStatus() {
    ByteBuffer b = record(3, 72);
    b.putInt(64, 9).putInt(68, 1);
    ProcessExit e = (ProcessExit) decoder.decode(seg(b));
    assertThat(e.exitCode()).isEqualTo(9);
    assertThat(e.signal()).isEqualTo(9);
    assertThat(e.groupLeader()).isTrue();
  }

  private FileOpen open(int syscall, int pathKind, long result, String raw, String resolved) {
    ByteBuffer b = record(4, 96, bytes(raw), bytes(resolved));
    b.putLong(64, result).putInt(72, -100).putInt(76, 0101).putInt(80, 0644);
    b.putShort(84, (short) syscall).putShort(86, (short) pathKind);
    b.putShort(88, (short) bytes(raw).length).putShort(90, (short) bytes(resolved).length);
    return (FileOpen) decoder.decode(seg(b));
  }

  @Test
  void successfulOpenUsesThePathOfTheNewFile() {
    FileOpen o = open(2, 1, 3, "../etc/./passwd", "/etc/passwd");
    assertThat(o.type()).isEqualTo("openat");
    assertThat(o.path()).isEqualTo("/etc/passwd");
    assertThat(o.rawPath()).isEqualTo("../etc/./passwd");
    assertThat(o.flags()).isEqualTo(0101);
    assertThat(o.mode()).isEqualTo(0644);
    assertThat(o.result()).isEqualTo(3);
  }

  @Test
  void failedRelativeOpenIsJoinedToItsBaseDirectory() {
    FileOpen o = open(3, 2, -2, "sub/../missing", "/home/user");
    assertThat(o.type()).isEqualTo("openat2");
    assertThat(o.path()).isEqualTo("/home/user/missing");
    assertThat(o.succeeded()).isFalse();
  }

  @Test
  void failedAbsoluteOpenIsNormalised() {
    FileOpen o = open(1, 0, -13, "/etc//./shadow", "");
    assertThat(o.type()).isEqualTo("open");
    assertThat(o.path()).isEqualTo("/etc/shadow");
    assertThat(open(4, 0, -13, "/x", "").type()).isEqualTo("creat");
  }

  private FileChange change(int syscall, int mode, int flags, String... pieces) {
    byte[][] data = new byte[4][];
    for (int i = 0; i < 4; i++) {
      data[i] = bytes(pieces[i]);
    }
    ByteBuffer b = record(5, 96, data);
    b.putLong(64, 0).putInt(72, syscall).putInt(76, mode).putInt(80, flags);
    for (int i = 0; i < 4; i++) {
      b.putShort(84 + 2 * i, (short) data[i].length);
    }
    return (FileChange) decoder.decode(seg(b));
  }

  @Test
  void renameJoinsEachPathToItsOwnBase() {
    FileChange c = change(3, 0, 1, "a", "/home/u", "../b", "/srv/x");
    assertThat(c.type()).isEqualTo("renameat2");
    assertThat(c.operation()).isEqualTo(FileChange.Operation.RENAME);
    assertThat(c.path()).isEqualTo("/home/u/a");
    assertThat(c.target()).isEqualTo("/srv/b");
    assertThat(c.mode()).isZero();
  }

  @Test
  void unlinkatWithRemovedirIsAnRmdir() {
    FileChange c = change(5, 0, 0x200, "/tmp/d", "", "", "");
    assertThat(c.operation()).isEqualTo(FileChange.Operation.RMDIR);
    assertThat(c.target()).isNull();
    assertThat(change(5, 0, 0, "/tmp/f", "", "", "").operation())
        .isEqualTo(FileChange.Operation.UNLINK);
  }

  @Test
  void fchmodTakesThePathOfItsFileAndSymlinkKeepsItsContent() {
    FileChange fchmod = change(11, 0640, 0, "", "/etc/app.conf", "", "");
    assertThat(fchmod.operation()).isEqualTo(FileChange.Operation.CHMOD);
    assertThat(fchmod.path()).isEqualTo("/etc/app.conf");
    assertThat(fchmod.mode()).isEqualTo(0640);
    FileChange ln = change(13, 0, 0, "link", "/tmp", "../../target", "");
    assertThat(ln.operation()).isEqualTo(FileChange.Operation.SYMLINK);
    assertThat(ln.path()).isEqualTo("/tmp/link");
    assertThat(ln.target()).isEqualTo("../../target");
  }

  @Test
  void malformedRecordsAreRefusedWithAReason() {
    assertThatThrownBy(() -> decoder.decode(MemorySegment.ofArray(new byte[10])))
        .hasMessage("record of 10 bytes is shorter than its kind 0 needs (64)");
    assertThatThrownBy(() -> decoder.decode(seg(record(9, 64))))
        .hasMessage("unknown record kind 9");
    assertThatThrownBy(() -> decoder.decode(seg(record(1, 100))))
        .hasMessage("record of 100 bytes is shorter than its kind 1 needs (152)");
  }
}
