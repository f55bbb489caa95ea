package dev.tapio.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.OpenFlags;
import dev.tapio.api.event.PacketDrop;
import dev.tapio.api.event.ProcessExec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventReaderTest {
  private static final ObjectMapper YAML = new YAMLMapper();

  static EnrichedEvent read(String yaml) throws Exception {
    return EventReader.read(YAML.readTree(yaml), "events[0]", EventReader.defaultTime(0));
  }

  @Test
  void aMinimalOpenGetsAHostRootProcessWithDefaults() throws Exception {
    EnrichedEvent e = read("{type: openat, path: /etc/shadow}");

    assertThat(e.event()).isInstanceOf(FileOpen.class);
    FileOpen open = (FileOpen) e.event();
    assertThat(open.path()).isEqualTo("/etc/shadow");
    assertThat(open.flags()).isEqualTo(OpenFlags.O_RDONLY);
    assertThat(open.result()).isEqualTo(3);
    assertThat(e.process().pid()).isEqualTo(4242);
    assertThat(e.process().name()).isEqualTo("test-process");
    assertThat(e.user().name()).isEqualTo("root");
    assertThat(e.container()).isEqualTo(ContainerInfo.HOST);
    assertThat(e.pod()).isNull();
    assertThat(e.hostname()).isEqualTo("test-node");
    assertThat(open.header().timeNanos()).isEqualTo(1_767_225_600_000_000_000L);
  }

  @Test
  void aCommandLineSplitsIntoExeAndArgumentsAndAncestorsChainByPid() throws Exception {
    EnrichedEvent e =
        read(
            """
            type: execve
            process: {cmdline: "/bin/bash -c 'id'", uid: 1000, cwd: /home/dev}
            ancestors: [{exepath: /usr/sbin/sshd}, {name: systemd, pid: 1}]
            """);

    ProcessExec exec = (ProcessExec) e.event();
    assertThat(e.process().name()).isEqualTo("bash");
    assertThat(e.process().exePath()).isEqualTo("/bin/bash");
    assertThat(e.process().args()).containsExactly("-c", "'id'");
    assertThat(exec.argv()).containsExactly("/bin/bash", "-c", "'id'");
    assertThat(exec.cwd()).isEqualTo("/home/dev");
    assertThat(e.user().uid()).isEqualTo(1000);
    assertThat(e.user().name()).isNull();
    assertThat(e.lineage().chain())
        .extracting(p -> p.name())
        .containsExactly("bash", "sshd", "systemd");
    assertThat(e.lineage().ancestor(1).pid()).isEqualTo(e.process().ppid());
    assertThat(e.lineage().ancestor(2).pid()).isEqualTo(1);
    assertThat(e.process().credentials().capEffective()).isZero();
  }

  @Test
  void theProcessNameIsTheKernelsCommandNameUnlessACaseGivesIt() throws Exception {
    EnrichedEvent longName =
        read("{type: execve, process: {exe: /usr/local/bin/kube-controller-manager}}");
    EnrichedEvent applet =
        read("{type: execve, process: {exe: /tmp/x/sleep, exepath: /usr/bin/busybox}}");
    EnrichedEvent pathOnly = read("{type: execve, process: {exepath: /usr/bin/python3.11}}");
    EnrichedEvent script =
        read(
            "{type: execve, process: {name: pip, exe: /usr/bin/python3,"
                + " exepath: /usr/bin/python3.11, args: [/usr/local/bin/pip, install]}}");
    EnrichedEvent bare = read("{type: execve, process: {exe: my-own-build-of-tool}}");

    assertThat(longName.process().name()).isEqualTo("kube-controller");
    assertThat(longName.process().exePath()).isEqualTo("/usr/local/bin/kube-controller-manager");
    assertThat(applet.process().name()).isEqualTo("sleep");
    assertThat(applet.process().exePath()).isEqualTo("/usr/bin/busybox");
    assertThat(pathOnly.process().name()).isEqualTo("python3.11");
    assertThat(pathOnly.process().exe()).isEqualTo("python3.11");
    assertThat(script.process().name()).isEqualTo("pip");
    assertThat(script.process().exe()).isEqualTo("/usr/bin/python3");
    assertThat(script.process().cmdline()).isEqualTo("pip /usr/local/bin/pip install");
    assertThat(bare.process().name()).isEqualTo("my-own-build-of");
    assertThat(bare.process().exePath()).isEqualTo("/usr/bin/my-own-build-of-tool");
  }

  @Test
  void containerAndPodContextSplitTheImageReference() throws Exception {
    EnrichedEvent e =
        read(
            """
            type: connect
            remote: {ip: "10.0.0.7", port: 4444}
            container: {image: "registry.local:5000/team/app:1.2@sha256:abc", privileged: true}
            pod: {name: web-1, namespace: prod, labels: {app: web},
                  owners: [{kind: ReplicaSet, name: web-5d}, {kind: Deployment, name: web}]}
            """);

    assertThat(e.container().imageRepository()).isEqualTo("registry.local:5000/team/app");
    assertThat(e.container().imageTag()).isEqualTo("1.2");
    assertThat(e.container().imageDigest()).isEqualTo("sha256:abc");
    assertThat(e.container().privileged()).isTrue();
    assertThat(e.container().isHost()).isFalse();
    assertThat(e.pod().labels()).isEqualTo(Map.of("app", "web"));
    assertThat(e.pod().workload().kind()).isEqualTo("Deployment");
    NetworkEvent connect = (NetworkEvent) e.event();
    assertThat(connect.family()).isEqualTo(2);
    assertThat(connect.protocol()).isEqualTo(6);
    assertThat(connect.remote().port()).isEqualTo(4444);
  }

  @Test
  void aDroppedPacketCarriesItsReason() throws Exception {
    NetworkEvent drop =
        (NetworkEvent)
            read("""
                    type: drop
                    protocol: tcp
                    local: {ip: "10.0.0.7", port: 5000}
                    remote: {ip: "10.0.0.9", port: 80}
                    drop: {reason: NETFILTER_DROP, code: 12, outbound: true}
                    """)
                .event();
    assertThat(drop.type()).isEqualTo("drop");
    assertThat(drop.family()).isEqualTo(2);
    assertThat(drop.drop()).isEqualTo(new PacketDrop("NETFILTER_DROP", 12, true));
    assertThat(
            ((NetworkEvent) read("{type: connect, remote: {ip: 10.0.0.9, port: 80}}").event())
                .drop())
        .isNull();
  }

  @Test
  void writtenEventsReadBackEqual() throws Exception {
    List<String> cases =
        List.of(
            "{type: execve, process: {cmdline: /usr/bin/nc -l 4444, tty: 34816, loginuid: 1000},"
                + " ancestors: [{name: bash}], user: {name: dev, uid: 1000, loginname: dev}}",
            "{type: openat2, path: /etc/passwd, flags: O_WRONLY|O_CREAT|O_TRUNC, mode: 420,"
                + " result: -13, container: {id: abc, image: nginx:1.27, labels: {a: b},"
                + " mounts: [{source: /var/run/docker.sock, destination: /var/run/docker.sock}]}}",
            "{type: renameat2, path: /tmp/a, target: /tmp/b, result: 0}",
            "{type: accept4, local: {ip: '::1', port: 22}, remote: {ip: '::1', port: 5555}}",
            "{type: connect, remote: {path: /run/containerd/containerd.sock}}",
            "{type: drop, protocol: udp, local: {ip: 'fd00::1', port: 9},"
                + " remote: {ip: 'fd00::2', port: 40000}, netns: 4026533001,"
                + " drop: {reason: NO_SOCKET, code: 3}}",
            "{type: unshare, flags: 0x20000000, before: {net: 1}, after: {net: 2}}",
            "{type: seccomp, syscall_nr: 101, syscall: ptrace, action: ERRNO, errno: 1}",
            "{type: lsm_denial, lsm: landlock, operation: openat, path: /etc/shadow}",
            "{type: flow, protocol: udp, source: {ip: 10.1.0.2, port: 5353},"
                + " destination: {ip: 10.1.0.3, port: 53}, bytes_out: 80, verdict: denied,"
                + " policy: default-deny}",
            "{type: cgroup_mkdir, created: 4242, path: /kubepods/besteffort/pod1/cri-containerd-ab.scope}",
            "{type: ptrace, args: {request: PTRACE_ATTACH, pid: '77'}, result: 0}",
            "{type: clone, child_pid: 5000, clone_flags: 0x10000}",
            "{type: procexit, exit_code: 31, signal: 31,"
                + " pod: {name: p, namespace: n, node: worker-2, ip: 10.2.0.9}}");
    for (String yaml : cases) {
      EnrichedEvent original = read(yaml);
      JsonNode written = EventWriter.write(original);
      EnrichedEvent back = EventReader.read(written, "line 1", 0);
      assertThat(back).as(yaml).isEqualTo(original);
    }
  }

  @Test
  void mistakesAreNamedByTheirPlaceInTheTree() {
    assertThatThrownBy(() -> read("{path: /etc/shadow}"))
        .hasMessage("events[0].type: missing event type (e.g. type: execve)");
    assertThatThrownBy(() -> read("{type: openat}"))
        .hasMessage("events[0].path: an open needs a path");
    assertThatThrownBy(() -> read("{type: openat, path: /x, flags: O_BOGUS}"))
        .hasMessage(
            "events[0].flags: unknown open flags 'O_BOGUS' (write e.g. O_WRONLY|O_CREAT, or a number)");
    assertThatThrownBy(() -> read("{type: openat, path: /x, process: {uid: root}}"))
        .hasMessage("events[0].process.uid: expected a number, got 'root'");
    assertThatThrownBy(() -> read("{type: openat, path: /x, pth: /y}"))
        .hasMessageStartingWith(
            "events[0].pth: unknown key (expected one of ancestors, cgroup_id,");
    assertThatThrownBy(() -> read("{type: connect, remote: {ip: example.com}}"))
        .hasMessage("events[0].remote.ip: expected an IP address literal, got 'example.com'");
    assertThatThrownBy(() -> read("{type: execve, time: yesterday}"))
        .hasMessage(
            "events[0].time: expected an RFC 3339 time (2026-01-01T10:00:00Z) or epoch nanoseconds");
    assertThatThrownBy(() -> read("{type: execve, ancestors: [{nam: bash}]}"))
        .hasMessageStartingWith("events[0].ancestors[0].nam: unknown key");
  }
}
