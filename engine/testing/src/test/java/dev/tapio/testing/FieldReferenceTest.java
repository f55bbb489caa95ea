package dev.tapio.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.recording.EventKind;
import dev.tapio.recording.EventReader;
import dev.tapio.rules.RuleFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/fields.md} is generated from the field catalog: every field with its type, its
 * description and the kinds of event that carry it. Which kinds carry a field is not written
 * anywhere by hand: each field is read from a typical event of every kind (in a Kubernetes pod's
 * container, everything known), and a kind carries the field when a value comes out. The test fails
 * when the committed page differs from the generated one; {@code -Dtapio.docs.write=true} writes
 * it.
 */
class FieldReferenceTest {
  private static final Path PAGE = Path.of("../../docs/fields.md").toAbsolutePath().normalize();
  private static final ObjectMapper YAML = new YAMLMapper();

  /** The actor of every sample event: a process in a pod's container, every detail known. */
  private static final String ACTOR =
      """
      process: {pid: 300, ppid: 299, exe: /usr/bin/curl, exepath: /usr/bin/curl,
        args: [-s, "http://example.invalid"], cwd: /srv, tty: 34816, loginuid: 1000, uid: 0}
      ancestors: [{exe: /bin/bash, pid: 299}, {exe: /usr/bin/containerd-shim, pid: 1}]
      user: {name: root, home: /root, shell: /bin/bash, loginuid: 1000, loginname: alice}
      container:
        id: 3f9d2c1b0a4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a
        name: web
        image: "registry.example/nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        privileged: true
        mounts: [{source: /var/run/docker.sock, destination: /run/docker.sock}]
        labels: {app: web}
        start_time: 1700000000000000000
      pod:
        name: web-1
        namespace: shop
        labels: {app: web}
        annotations: {app: web}
        namespace_labels: {app: shop}
        owners: [{kind: ReplicaSet, name: web-7d9}, {kind: Deployment, name: web},
          {kind: StatefulSet, name: db}, {kind: DaemonSet, name: agent}, {kind: Job, name: once},
          {kind: CronJob, name: nightly}]
        ip: 10.1.0.7
      """;

  /**
   * Each kind of event, its event types as the page lists them, and a typical event of it. The
   * types are checked against the reader's own mapping ({@link EventKind#of}).
   */
  private record Kind(String name, List<String> types, String sample) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("exec", List.of("execve", "execveat"), "{type: execve}"),
          new Kind(
              "fork",
              List.of("clone", "clone3", "fork", "vfork"),
              "{type: clone, child_pid: 301, clone_flags: 17}"),
          new Kind("exit", List.of("procexit"), "{type: procexit, exit_code: 0}"),
          new Kind(
              "open",
              List.of("open", "openat", "openat2", "creat"),
              "{type: openat, path: /etc/passwd, flags: O_RDWR|O_CREAT, mode: 493}"),
          new Kind(
              "file change",
              List.of(
                  "rename",
                  "renameat",
                  "renameat2",
                  "unlink",
                  "unlinkat",
                  "mkdir",
                  "mkdirat",
                  "rmdir",
                  "chmod",
                  "fchmod",
                  "fchmodat",
                  "symlink",
                  "symlinkat",
                  "link",
                  "linkat"),
              "{type: renameat2, path: /etc/a, target: /etc/b}"),
          new Kind(
              "network",
              List.of(
                  "connect",
                  "accept",
                  "accept4",
                  "bind",
                  "listen",
                  "sendto",
                  "sendmsg",
                  "recvfrom",
                  "recvmsg"),
              "{type: connect, local: {ip: 10.1.0.7, port: 40000},"
                  + " remote: {ip: 93.184.216.34, port: 443},"
                  + " netpol: {reason: egress-denied, policies: [shop/web-egress]}}"),
          new Kind(
              "drop",
              List.of("drop"),
              "{type: drop, protocol: udp, local: {ip: 10.1.0.7, port: 53},"
                  + " remote: {ip: 10.1.0.9, port: 40000}, drop: {reason: NO_SOCKET, code: 3}}"),
          new Kind(
              "namespace",
              List.of("setns", "unshare", "mount", "umount", "umount2", "pivot_root", "chroot"),
              "{type: setns, flags: 1073741824, path: /proc/1/ns/net}"),
          new Kind(
              "seccomp",
              List.of("seccomp"),
              "{type: seccomp, syscall_nr: 101, syscall: ptrace, action: KILL_PROCESS}"),
          new Kind(
              "lsm",
              List.of("lsm_denial"),
              "{type: lsm_denial, lsm: apparmor, operation: open, path: /etc/shadow}"),
          new Kind(
              "flow",
              List.of("flow"),
              "{type: flow, source: {ip: 10.1.0.7, port: 40000},"
                  + " destination: {ip: 93.184.216.34, port: 443}, verdict: allowed}"),
          new Kind(
              "credentials",
              List.of(
                  "setuid",
                  "setreuid",
                  "setresuid",
                  "setgid",
                  "setregid",
                  "setresgid",
                  "setfsuid",
                  "setfsgid",
                  "capset"),
              "{type: setresuid, args: {ruid: \"0\", euid: \"0\", suid: \"0\"},"
                  + " before: {uid: 1000}, after: {uid: 0}}"),
          new Kind(
              "other syscall",
              List.of("ptrace", "bpf", "init_module", "…"),
              "{type: ptrace, args: {request: PTRACE_ATTACH, pid: 1}, result: 0}"));

  @Test
  void theFieldReferenceIsGeneratedFromTheCatalog() throws IOException {
    String generated = markdown();
    if (Boolean.getBoolean("tapio.docs.write")) {
      Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
    Path fresh = Path.of("target/fields.md").toAbsolutePath();
    if (!committed.equals(generated)) {
      Files.writeString(fresh, generated, StandardCharsets.UTF_8);
    }
    assertThat(committed)
        .as(
            "%s is stale: the generated page is %s; run this test with -Dtapio.docs.write=true",
            PAGE, fresh)
        .isEqualTo(generated);
  }

  @Test
  void eachKindListsTypesTheReaderReadsAsThatKind() throws IOException {
    for (Kind kind : KINDS) {
      EventKind expected = EventKind.of(kind.types().getFirst());
      assertThat(kind.types().stream().filter(t -> !t.equals("…")).map(EventKind::of))
          .as(kind.name())
          .containsOnly(expected);
      assertThat(EventKind.of(sample(kind).type())).as(kind.name()).isEqualTo(expected);
    }
  }

  @Test
  void everyKindCarriesTheProcessAndSomeKindCarriesEachCollectedField() throws IOException {
    Map<String, List<String>> carriers = carriers();
    assertThat(carriers.get("proc.name")).hasSize(KINDS.size());
    assertThat(carriers.get("fd.name")).contains("open").doesNotContain("exec");
    assertThat(carriers.get("proc.exe_ino")).isEmpty();
    assertThat(carriers.get("proc.env")).hasSize(KINDS.size());
  }

  private static EnrichedEvent sample(Kind kind) throws IOException {
    Map<String, Object> event = new LinkedHashMap<>();
    event.putAll(YAML.readValue(ACTOR, Map.class));
    event.putAll(YAML.readValue(kind.sample(), Map.class));
    return EventReader.read(YAML.valueToTree(event), kind.name(), EventReader.defaultTime(0));
  }

  /** For each field, the kinds on whose typical event it has a value. */
  private static Map<String, List<String>> carriers() throws IOException {
    Map<String, EnrichedEvent> samples = new LinkedHashMap<>();
    for (Kind kind : KINDS) {
      samples.put(kind.name(), sample(kind));
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (RuleFields.Field field : RuleFields.syscall()) {
      List<String> kinds = new ArrayList<>();
      samples.forEach(
          (kind, event) -> {
            if (field.value(event, sampleArgument(field)) != null) {
              kinds.add(kind);
            }
          });
      out.put(field.name(), kinds);
    }
    return out;
  }

  /** An argument the sample events answer: a label key, the first mount, the parent. */
  private static @Nullable String sampleArgument(RuleFields.Field field) {
    return switch (field.argument()) {
      case NONE -> null;
      case OPTIONAL_INDEX -> "1";
      case REQUIRED_INDEX -> "0";
      case KEY -> field.name().startsWith("container.mount.") ? "0" : "app";
      case OPTIONAL_KEY -> null;
    };
  }

  private static String markdown() throws IOException {
    Map<String, List<String>> carriers = carriers();
    StringBuilder out = new StringBuilder();
    out.append(
        """
        # Fields

        Every field Tapio's rules can use in a condition or an output, as Falco names it. This page
        is generated from the field catalog (`rules/src/main/java/dev/tapio/rules/internal/fields/`) by
        `FieldReferenceTest` in `engine/testing`, which fails when the page is stale; regenerate it
        with `./mvnw -B -q -pl engine/testing -am verify -Dtest=FieldReferenceTest
        -Dsurefire.failIfNoSpecifiedTests=false -Dtapio.docs.write=true`.

        A field that has no value on an event makes every comparison with it false (`!=` too), as
        in Falco. *Carried by* names the kinds of event on which the field has a value, read from a
        typical event of each kind in a Kubernetes pod's container; `container.*` and `k8s.*` have
        no value (or `host`) for processes outside containers and pods, and fields of a parent or
        ancestor none when the process table does not know it. *never* marks fields that exist so
        Falco's rules compile, but that Tapio's sensors do not collect.

        | kind | event types |
        |---|---|
        """);
    for (Kind kind : KINDS) {
      out.append("| ")
          .append(kind.name())
          .append(" | ")
          .append(String.join(", ", kind.types().stream().map(t -> "`" + t + "`").toList()))
          .append(" |\n");
    }
    out.append(
        """

        `evt.arg.NAME` and `evt.rawarg.NAME` read any parameter by its Falco name (`evt.arg.flags`,
        `evt.rawarg.request`); each kind of event has the parameters Falco gives its event types.
        """);
    String section = "";
    for (RuleFields.Field field : RuleFields.syscall()) {
      String prefix = field.name().substring(0, field.name().indexOf('.'));
      if (!prefix.equals(section)) {
        section = prefix;
        out.append("\n## ")
            .append(prefix)
            .append("\n\n| field | type | description | carried by |\n|---|---|---|---|\n");
      }
      out.append("| `")
          .append(field.name())
          .append(field.argumentSyntax())
          .append("` | ")
          .append(field.typeName())
          .append(" | ")
          .append(field.description().replace("|", "\\|"))
          .append(" | ")
          .append(carriedBy(carriers.get(field.name())))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String carriedBy(List<String> kinds) {
    if (kinds.isEmpty()) {
      return "never";
    }
    return kinds.size() == KINDS.size() ? "every event" : String.join(", ", kinds);
  }
}
