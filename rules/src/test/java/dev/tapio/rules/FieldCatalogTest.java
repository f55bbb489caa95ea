package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.FileChange;
import dev.tapio.rules.internal.fields.FieldCatalog;
import dev.tapio.rules.internal.fields.FieldDef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fields read from enriched events, and what is missing where. */
class FieldCatalogTest {

  static final FieldCatalog CATALOG = FieldCatalog.syscall();

  static Object get(String field, String arg, EnrichedEvent e) {
    FieldDef def = CATALOG.lookup(field).orElseThrow();
    return def.bind(arg).get(e);
  }

  static final ContainerInfo NGINX =
      new ContainerInfo(
          "3f9d2c1b0a4e5f6a7b8c",
          "web",
          "nginx:1.27",
          "nginx",
          "1.27",
          "",
          "containerd",
          true,
          List.of(
              new ContainerInfo.Mount("/var/run/docker.sock", "/run/docker.sock", true, ""),
              new ContainerInfo.Mount("/proc", "/host/proc", false, "")),
          Map.of(),
          5);
  static final PodInfo POD =
      new PodInfo(
          "web-1",
          "uid-1",
          "shop",
          Map.of("app", "web"),
          Map.of(),
          Map.of(),
          List.of(
              new PodInfo.Owner("ReplicaSet", "web-7d9", "u2"),
              new PodInfo.Owner("Deployment", "web", "u3")),
          "node1",
          "10.1.0.7");

  static EnrichedEvent inContainer(EnrichedEvent e) {
    return e.withContainer(NGINX, POD);
  }

  @Test
  void containerAndKubernetesFields() {
    EnrichedEvent e = inContainer(Events.of(Events.exec("/bin/sh", "sh"), "sh"));
    assertThat(get("container.id", null, e)).isEqualTo("3f9d2c1b0a4e");
    assertThat(get("container.privileged", null, e)).isEqualTo(true);
    assertThat(get("container.mount.dest", "/var/run/docker.sock", e))
        .isEqualTo("/run/docker.sock");
    assertThat(get("container.mount.dest", "/pro*", e)).isEqualTo("/host/proc");
    assertThat(get("container.mount.dest", "/etc", e)).isNull();
    assertThat(get("container.mount.dest", "1", e)).isEqualTo("/host/proc");
    assertThat(get("k8s.ns.name", null, e)).isEqualTo("shop");
    assertThat(get("k8s.deployment.name", null, e)).isEqualTo("web");
    assertThat(get("k8s.pod.label", "app", e)).isEqualTo("web");
    EnrichedEvent host = Events.of(Events.exec("/bin/sh", "sh"), "sh");
    assertThat(get("container.id", null, host)).isEqualTo("host");
    assertThat(get("k8s.ns.name", null, host)).isNull();
    assertThat(get("container.privileged", null, host)).isNull();
  }

  static ProcessInfo process(int pid, String name, String exe, String exePath, String... args) {
    return new ProcessInfo(
        pid,
        pid,
        pid - 1,
        name,
        exe,
        exePath,
        List.of(args),
        "/",
        pid,
        pid,
        0,
        Credentials.root(),
        0,
        false,
        false);
  }

  @Test
  void processFieldsHaveFalcosMeaningThroughTheLineage() {
    // a busybox applet run through a link named sleep, from a #! script run as pip, from bash
    ProcessInfo applet = process(300, "sleep", "/tmp/x/sleep", "/usr/bin/busybox", "5");
    ProcessInfo script =
        process(299, "pip", "/bin/sh", "/usr/bin/dash", "/usr/local/bin/pip", "install");
    ProcessInfo shell = process(298, "bash", "-bash", "/usr/bin/bash");
    EnrichedEvent e =
        new EnrichedEvent(
            Events.exec("/tmp/x/sleep", "/tmp/x/sleep", "5"),
            new Lineage(List.of(applet, script, shell)),
            Events.ROOT,
            ContainerInfo.HOST,
            null,
            "node1");

    assertThat(get("proc.name", null, e)).isEqualTo("sleep");
    assertThat(get("proc.exe", null, e)).isEqualTo("/tmp/x/sleep");
    assertThat(get("proc.exepath", null, e)).isEqualTo("/usr/bin/busybox");
    assertThat(get("proc.cmdline", null, e)).isEqualTo("sleep 5");
    assertThat(get("proc.args", null, e)).isEqualTo("5");
    assertThat(get("proc.pname", null, e)).isEqualTo("pip");
    assertThat(get("proc.pexe", null, e)).isEqualTo("/bin/sh");
    assertThat(get("proc.pexepath", null, e)).isEqualTo("/usr/bin/dash");
    assertThat(get("proc.pcmdline", null, e)).isEqualTo("pip /usr/local/bin/pip install");
    assertThat(get("proc.aname", "0", e)).isEqualTo("sleep");
    assertThat(get("proc.aname", "1", e)).isEqualTo("pip");
    assertThat(get("proc.aname", "2", e)).isEqualTo("bash");
    assertThat(get("proc.aname", "3", e)).isNull();
    assertThat(get("proc.aexe", "2", e)).isEqualTo("-bash");
    assertThat(get("proc.aexepath", "1", e)).isEqualTo("/usr/bin/dash");
    assertThat(get("proc.acmdline", "2", e)).isEqualTo("bash");
  }

  @Test
  void capabilitiesUsersAndFileChanges() {
    EnrichedEvent e = Events.of(Events.exec("/bin/sh", "sh"), "sh");
    assertThat((String) get("thread.cap_permitted", null, e))
        .startsWith("CAP_CHOWN CAP_DAC_OVERRIDE")
        .contains("CAP_SYS_ADMIN");
    assertThat(get("user.loginuid", null, e)).isEqualTo(-1L);
    assertThat(get("user.loginname", null, e)).isNull();
    var rename =
        new FileChange(
            Events.HEADER,
            "renameat2",
            FileChange.Operation.RENAME,
            "/root/.bash_history",
            "/tmp/x",
            0,
            0);
    EnrichedEvent r = Events.of(rename, "mv");
    assertThat(get("evt.arg.oldpath", null, r)).isEqualTo("/root/.bash_history");
    assertThat(get("evt.arg.newpath", null, r)).isEqualTo("/tmp/x");
    assertThat(get("fs.path.name", null, r)).isEqualTo("/root/.bash_history");
    assertThat(get("fd.name", null, r)).isNull();
    assertThat(get("evt.res", null, r)).isEqualTo("SUCCESS");
  }

  @Test
  void aChmodModeIsRenderedAsFalcoRendersIt() {
    EnrichedEvent suid =
        Events.of(
            new FileChange(
                Events.HEADER, "fchmodat", FileChange.Operation.CHMOD, "/tmp/f", null, 04755, 0),
            "chmod");
    assertThat(get("evt.arg.mode", null, suid))
        .isEqualTo("04755(S_IXOTH|S_IROTH|S_IXGRP|S_IRGRP|S_IXUSR|S_IWUSR|S_IRUSR|S_ISUID)");
    EnrichedEvent sgid =
        Events.of(
            new FileChange(
                Events.HEADER, "chmod", FileChange.Operation.CHMOD, "/tmp/f", null, 02070, 0),
            "chmod");
    assertThat(get("evt.arg.mode", null, sgid)).isEqualTo("02070(S_IXGRP|S_IWGRP|S_IRGRP|S_ISGID)");
    EnrichedEvent none =
        Events.of(
            new FileChange(
                Events.HEADER, "chmod", FileChange.Operation.CHMOD, "/tmp/f", null, 0, 0),
            "chmod");
    assertThat(get("evt.arg.mode", null, none)).isEqualTo("0");
  }

  @Test
  void procEnvIsTheEnvironmentJoinedBySpacesOrOneVariablesValue() {
    var base = Events.of(Events.exec("/usr/bin/curl", "curl"), "curl");
    var proc =
        base.process()
            .withEnv(List.of("HOME=/root", "HTTP_PROXY=http://p:3128", "EMPTY=", "A=b=c"));
    var e =
        new EnrichedEvent(
            base.event(),
            new dev.tapio.api.context.Lineage(List.of(proc)),
            base.user(),
            base.container(),
            null,
            "node1");
    assertThat(get("proc.env", null, e))
        .isEqualTo("HOME=/root HTTP_PROXY=http://p:3128 EMPTY= A=b=c");
    assertThat(get("proc.env", "HTTP_PROXY", e)).isEqualTo("http://p:3128");
    assertThat(get("proc.env", "A", e)).isEqualTo("b=c");
    assertThat(get("proc.env", "EMPTY", e)).isEqualTo("");
    assertThat(get("proc.env", "HTTP", e)).isNull(); // a prefix of a name is not the name
    assertThat(get("proc.env", "http_proxy", e)).isNull(); // names are case-sensitive
  }

  @Test
  void everyCatalogFieldReadsWithoutFailingOnEveryEventKind() throws Exception {
    List<EnrichedEvent> events =
        List.of(
            Events.of(Events.exec("/bin/sh", "sh"), "sh"),
            Events.of(Events.open("/etc/passwd", 0), "cat", "sh"),
            inContainer(Events.of(Events.connect("1.2.3.4", 80), "curl")),
            Events.of(Events.syscall("ptrace", Map.of("request", "PTRACE_ATTACH")), "gdb"));
    for (FieldDef f : CATALOG.all()) {
      String arg =
          switch (f.arg()) {
            case NONE -> null;
            case OPTIONAL_INDEX, REQUIRED_INDEX -> "1";
            case REQUIRED_KEY, OPTIONAL_KEY -> "app";
          };
      for (EnrichedEvent e : events) {
        Object v = f.bind(arg).get(e);
        if (v != null) {
          assertThat(v)
              .as(f.name())
              .isInstanceOfAny(
                  String.class,
                  Long.class,
                  Boolean.class,
                  java.net.InetAddress.class,
                  byte[].class,
                  List.class);
        }
      }
    }
  }
}
