package dev.tapio.sensors.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.CredentialChange;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.NamespaceChange;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.SyscallEvent;
import dev.tapio.sensors.internal.abi.Abi;
import dev.tapio.sensors.internal.abi.Abi.Creds;
import dev.tapio.sensors.internal.abi.Abi.EventKind;
import dev.tapio.sensors.internal.abi.Abi.Header;
import dev.tapio.sensors.internal.abi.Abi.PrivEvent;
import dev.tapio.sensors.internal.abi.Abi.PrivSyscall;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code struct tapio_priv_event} records, built at the generated offsets, decoded. */
class PrivilegeRecordsTest {
  private static final Namespaces HOST = new Namespaces(10, 11, 12, 13, 14, 15, 16);
  private final EventDecoder decoder = new EventDecoder(0, HOST);

  /** A record of {@code syscall}; the header's namespaces are {@code after}, then strings. */
  private static ByteBuffer record(PrivSyscall syscall, Namespaces after, String... strings) {
    byte[][] data = new byte[strings.length][];
    int size = PrivEvent.SIZEOF;
    for (int i = 0; i < strings.length; i++) {
      data[i] = strings[i].getBytes(StandardCharsets.UTF_8);
      size += data[i].length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(Header.PID, 100);
    b.putShort(Header.KIND, (short) EventKind.PRIV.value());
    b.putInt(Header.SIZE, size);
    putNamespaces(b, Header.NS, after);
    b.putInt(PrivEvent.SYSCALL, syscall.value());
    int[] lens = {PrivEvent.STR1_LEN, PrivEvent.STR2_LEN, PrivEvent.STR3_LEN};
    int at = PrivEvent.DATA;
    for (int i = 0; i < data.length; i++) {
      b.putShort(lens[i], (short) data[i].length);
      b.put(at, data[i]);
      at += data[i].length;
    }
    return b;
  }

  private static void putNamespaces(ByteBuffer b, int at, Namespaces n) {
    b.putInt(at + Abi.Namespaces.MNT, (int) n.mnt());
    b.putInt(at + Abi.Namespaces.PID, (int) n.pid());
    b.putInt(at + Abi.Namespaces.NET, (int) n.net());
    b.putInt(at + Abi.Namespaces.UTS, (int) n.uts());
    b.putInt(at + Abi.Namespaces.IPC, (int) n.ipc());
    b.putInt(at + Abi.Namespaces.USER, (int) n.user());
    b.putInt(at + Abi.Namespaces.CGROUP, (int) n.cgroup());
  }

  private Event decode(ByteBuffer b) {
    return decoder.decode(MemorySegment.ofArray(b.array()));
  }

  @Test
  void setnsBackIntoTheHostsMountAndNetworkNamespacesNamesThem() {
    Namespaces before = new Namespaces(90, 11, 92, 13, 14, 15, 16);
    ByteBuffer b = record(PrivSyscall.SETNS, HOST);
    putNamespaces(b, PrivEvent.NS_BEFORE, before);
    b.putLong(PrivEvent.ARGS + 8, 0x20000);

    NamespaceChange ns = (NamespaceChange) decode(b);

    assertThat(ns.type()).isEqualTo("setns");
    assertThat(ns.flags()).isEqualTo(0x20000);
    assertThat(ns.before()).isEqualTo(before);
    assertThat(ns.after()).isEqualTo(HOST);
    assertThat(ns.host()).isEqualTo(HOST);
    assertThat(ns.enteredHost()).containsExactly("mnt", "net");
  }

  @Test
  void mountCarriesSourceAndTargetAndUmountIsUmount2() {
    NamespaceChange mount =
        (NamespaceChange) decode(record(PrivSyscall.MOUNT, HOST, "/dev/sda1", "/mnt", "ext4"));
    assertThat(mount.source()).isEqualTo("/dev/sda1");
    assertThat(mount.path()).isEqualTo("/mnt");
    assertThat(decode(record(PrivSyscall.UMOUNT, HOST, "/mnt")).type()).isEqualTo("umount2");
  }

  @Test
  void setresuidReportsArgumentsAndBothCredentialSets() {
    ByteBuffer b = record(PrivSyscall.SETRESUID, HOST);
    b.putLong(PrivEvent.ARGS, 0).putLong(PrivEvent.ARGS + 8, 0).putLong(PrivEvent.ARGS + 16, -1L);
    b.putInt(PrivEvent.CRED_BEFORE + Creds.UID, 1000).putInt(PrivEvent.CRED_BEFORE + Creds.EUID, 0);
    b.putLong(PrivEvent.CRED_AFTER + Creds.CAP_EFFECTIVE, 1L << 21);

    CredentialChange c = (CredentialChange) decode(b);

    assertThat(c.args()).containsEntry("ruid", "0").containsEntry("suid", "-1");
    assertThat(c.before().uid()).isEqualTo(1000);
    assertThat(c.after().uid()).isZero();
    assertThat(c.after().capEffective()).isEqualTo(1L << 21);
  }

  @Test
  void ptraceAndBpfRenderTheirArgumentsAsFalcoDoes() {
    ByteBuffer p = record(PrivSyscall.PTRACE, HOST);
    p.putLong(PrivEvent.ARGS, 0x4206).putLong(PrivEvent.ARGS + 8, 4321);
    SyscallEvent ptrace = (SyscallEvent) decode(p);
    assertThat(ptrace.args()).containsEntry("request", "PTRACE_SEIZE").containsEntry("pid", "4321");

    ByteBuffer l = record(PrivSyscall.BPF, HOST, "probe");
    l.putLong(PrivEvent.ARGS, 5).putLong(PrivEvent.ARGS + 8, 1).putLong(PrivEvent.RESULT, 7);
    SyscallEvent bpf = (SyscallEvent) decode(l);
    assertThat(bpf.args())
        .containsEntry("cmd", "BPF_PROG_LOAD")
        .containsEntry("prog_type", "BPF_PROG_TYPE_SOCKET_FILTER")
        .containsEntry("prog_name", "probe");
    assertThat(bpf.result()).isEqualTo(7);
  }

  @Test
  void hostNamespacesComeFromTheNsLinks(@TempDir Path dir) throws Exception {
    Files.createSymbolicLink(dir.resolve("mnt"), Path.of("mnt:[4026531841]"));
    Files.createSymbolicLink(dir.resolve("net"), Path.of("net:[4026531840]"));
    Namespaces n = HostNamespaces.read(dir);
    assertThat(n.mnt()).isEqualTo(4026531841L);
    assertThat(n.net()).isEqualTo(4026531840L);
    assertThat(n.pid()).isZero();
  }
}
