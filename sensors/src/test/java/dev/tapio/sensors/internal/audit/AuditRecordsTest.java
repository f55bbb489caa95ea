package dev.tapio.sensors.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.LsmDenial;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.event.SeccompViolation.Action;
import dev.tapio.sensors.internal.decode.SyscallTable;
import org.junit.jupiter.api.Test;

/** Audit record texts as the kernel writes them, and the events they become. */
class AuditRecordsTest {
  private final AuditRecords records =
      new AuditRecords(
          SyscallTable.built(), (t, pid) -> new EventHeader(t, pid, pid, 0, Namespaces.UNKNOWN));

  private static final String SECCOMP =
      "audit(1700000000.250:42): auid=4294967295 uid=0 gid=0 ses=4294967295 pid=1234"
          + " comm=\"violate\" exe=\"/tmp/violate\" sig=31 arch=c000003e syscall=110 compat=0"
          + " ip=0x7f0000001234 code=";

  @Test
  void seccompActionsComeFromTheCodeField() {
    assertThat(action("0x80000000")).isEqualTo(Action.KILL_PROCESS);
    assertThat(action("0x0")).isEqualTo(Action.KILL_THREAD);
    assertThat(action("0x30000")).isEqualTo(Action.TRAP);
    assertThat(action("0x7ffc0000")).isEqualTo(Action.LOG);
    SeccompViolation errno = (SeccompViolation) records.parse(1326, SECCOMP + "0x50001");
    assertThat(errno.action()).isEqualTo(Action.ERRNO);
    assertThat(errno.errno()).isEqualTo(1);
    assertThat(errno.syscall()).isEqualTo("getppid");
    assertThat(errno.header().pid()).isEqualTo(1234);
    assertThat(errno.header().timeNanos()).isEqualTo(1_700_000_000_250_000_000L);
    assertThat(errno.source()).isEqualTo(SeccompViolation.Source.AUDIT);
  }

  @Test
  void syscallsAreNamedInTheNumberingOfTheRecordsArchitecture() {
    // getppid is 110 on x86-64 and 173 on arm64; 56 is openat on arm64; i386 has no table here
    assertThat(syscall(SECCOMP + "0x50001")).isEqualTo("getppid");
    assertThat(syscall(SECCOMP.replace("arch=c000003e syscall=110", "arch=c00000b7 syscall=173")))
        .isEqualTo("getppid");
    assertThat(syscall(SECCOMP.replace("arch=c000003e syscall=110", "arch=c00000b7 syscall=56")))
        .isEqualTo("openat");
    assertThat(syscall(SECCOMP.replace("arch=c000003e syscall=110", "arch=40000003 syscall=20")))
        .isEmpty();
  }

  private String syscall(String record) {
    String text = record.endsWith("code=") ? record + "0x50001" : record;
    return ((SeccompViolation) records.parse(1326, text)).syscall();
  }

  @Test
  void handedOnSyscallsAndOtherRecordTypesAreNoEvents() {
    assertThat(records.parse(1326, SECCOMP + "0x7ff00000")).isNull(); // SECCOMP_RET_TRACE
    assertThat(records.parse(1300, SECCOMP + "0x80000000")).isNull(); // SYSCALL record
  }

  private Action action(String code) {
    return ((SeccompViolation) records.parse(1326, SECCOMP + code)).action();
  }

  @Test
  void apparmorDenialsNameTheProfileOperationAndPath() {
    LsmDenial d =
        (LsmDenial)
            records.parse(
                1400,
                "audit(1700000000.000:7): apparmor=\"DENIED\" operation=\"open\""
                    + " profile=\"/usr/bin/x\" name=\"/etc/shadow\" pid=77 comm=\"x\""
                    + " requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0");
    assertThat(d.lsm()).isEqualTo("apparmor");
    assertThat(d.operation()).isEqualTo("open");
    assertThat(d.path()).isEqualTo("/etc/shadow");
    assertThat(d.header().pid()).isEqualTo(77);
    assertThat(records.parse(1400, "audit(1.0:1): apparmor=\"ALLOWED\" operation=\"open\""))
        .isNull();
  }

  @Test
  void selinuxAndLandlockDenials() {
    LsmDenial avc =
        (LsmDenial)
            records.parse(
                1400,
                "audit(1700000000.000:8): avc:  denied  { read } for  pid=88 comm=\"cat\""
                    + " name=\"shadow\" dev=\"sda1\" ino=123 scontext=a tcontext=b tclass=file");
    assertThat(avc.lsm()).isEqualTo("selinux");
    assertThat(avc.operation()).isEqualTo("read");
    assertThat(avc.path()).isEqualTo("shadow");
    LsmDenial net =
        (LsmDenial)
            records.parse(
                1423,
                "audit(1700000000.000:9): domain=195ba459b blockers=net.connect_tcp"
                    + " daddr=127.0.0.1 dest=8080");
    assertThat(net.lsm()).isEqualTo("landlock");
    assertThat(net.operation()).isEqualTo("net.connect_tcp");
    assertThat(net.object()).isEqualTo("127.0.0.1:8080");
  }
}
