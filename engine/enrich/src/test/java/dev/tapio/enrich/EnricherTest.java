package dev.tapio.enrich;

import static dev.tapio.enrich.Events.TIME;
import static dev.tapio.enrich.Events.at;
import static dev.tapio.enrich.Events.exec;
import static dev.tapio.enrich.Events.open;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.CgroupCreated;
import dev.tapio.api.event.CredentialChange;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.SeccompViolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnricherTest {
  static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  static final String POD_UID = "11111111-2222-3333-4444-555555555555";

  @TempDir Path etc;
  @TempDir Path cgroup2;
  long containerCgroup;
  long hostCgroup;

  final InMemoryContainerMetadataSource containers = new InMemoryContainerMetadataSource();
  final InMemoryPodMetadataSource pods = new InMemoryPodMetadataSource();

  @BeforeEach
  void layout() throws IOException {
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\nalice:x:1000:\n");
    Path container =
        Files.createDirectories(cgroup2.resolve("kubepods/besteffort/pod" + POD_UID + "/" + ID));
    Path host = Files.createDirectories(cgroup2.resolve("system.slice/ssh.service"));
    containerCgroup = (Long) Files.getAttribute(container, "unix:ino");
    hostCgroup = (Long) Files.getAttribute(host, "unix:ino");
  }

  @Test
  void enrichmentNeedsTheProcessTreesEventsWhateverTheRulesAskFor() {
    assertThat(Enricher.requiredEventTypes())
        .containsExactlyInAnyOrder(
            "execve", "execveat", "clone", "clone3", "fork", "vfork", "procexit", "cgroup_mkdir");
  }

  @Test
  void aCgroupLearnedAtItsCreationNamesItsContainerOnceTheDirectoryIsGone() {
    long gone = 987_654_321L; // no directory of the tree has this inode: it was removed
    String path = "/kubepods/besteffort/pod" + POD_UID + "/cri-containerd-" + ID + ".scope";
    try (Enricher enricher = enricher()) {
      assertThat(enricher.enrich(open(50, gone, "/etc/shadow")).container().isHost())
          .as("unknown before its creation was seen")
          .isTrue();
      enricher.enrich(
          new CgroupCreated(
              new EventHeader(Events.TIME, 1, 1, hostCgroup, Namespaces.UNKNOWN), gone, path));
      EnrichedEvent event = enricher.enrich(open(51, gone, "/etc/shadow"));
      assertThat(event.container().id()).isEqualTo(ID);
      assertThat(event.container().isHost()).isFalse();
    }
  }

  Enricher enricher() {
    return Enricher.builder()
        .procRoot(null)
        .etcRoot(etc)
        .cgroup2Root(cgroup2)
        .hostname("node-1")
        .containers(containers)
        .pods(pods)
        .build();
  }

  static ContainerMetadata nginx() {
    ContainerInfo info =
        new ContainerInfo(
            ID,
            "web",
            "docker.io/library/nginx:1.27",
            "docker.io/library/nginx",
            "1.27",
            "sha256:abc",
            "containerd",
            false,
            List.of(),
            Map.of("io.kubernetes.pod.name", "web-0"),
            5);
    return new ContainerMetadata(info, null, 4242);
  }

  static PodInfo webPod() {
    return new PodInfo(
        "web-0",
        POD_UID,
        "shop",
        Map.of("app", "web"),
        Map.of(),
        Map.of(),
        List.of(),
        "node-1",
        null);
  }

  @Test
  void aHostProcessGetsLineageUserAndHost() {
    try (Enricher enricher = enricher()) {
      enricher.enrich(
          exec(10, 1, hostCgroup, new Credentials(0, 0, 0, 0, 1000, 0, 0, 0), "/bin/bash", "bash"));
      EnrichedEvent event =
          enricher.enrich(
              exec(
                  11,
                  10,
                  hostCgroup,
                  new Credentials(1000, 1000, 1000, 1000, 1000, 0, 0, 0),
                  "/usr/bin/id",
                  "id",
                  "-u"));

      assertThat(event.lineage().chain())
          .extracting(ProcessInfo::name)
          .containsExactly("id", "bash");
      assertThat(event.user().name()).isEqualTo("alice");
      assertThat(event.user().loginName()).isEqualTo("alice");
      assertThat(event.user().groupName()).isEqualTo("alice");
      assertThat(event.container()).isSameAs(ContainerInfo.HOST);
      assertThat(event.pod()).isNull();
      assertThat(event.hostname()).isEqualTo("node-1");
    }
  }

  @Test
  void aCredentialSyscallShowsTheUserTheTaskHasAfterIt() {
    try (Enricher enricher = enricher()) {
      Credentials root = new Credentials(0, 0, 0, 0, -1, 0, 0, 0);
      Credentials alice = new Credentials(1000, 1000, 1000, 1000, -1, 0, 0, 0);
      enricher.enrich(exec(20, 1, hostCgroup, root, "/usr/local/bin/drop", "drop"));
      EnrichedEvent became =
          enricher.enrich(
              new CredentialChange(
                  Events.header(20, hostCgroup), "setuid", Map.of("uid", "1000"), root, alice, 0));
      // a refused setuid(0) by alice leaves her alice: the event is hers, as Falco shows it
      EnrichedEvent refused =
          enricher.enrich(
              new CredentialChange(
                  Events.header(20, hostCgroup), "setuid", Map.of("uid", "0"), alice, alice, -1));

      assertThat(became.user().uid()).isEqualTo(1000);
      assertThat(became.user().name()).isEqualTo("alice");
      assertThat(refused.user().name()).isEqualTo("alice");
    }
  }

  @Test
  void anEventReadAfterALaterExecIsBlamedOnTheProgramThatMadeIt() {
    long ms = 1_000_000L;
    try (Enricher enricher = enricher()) {
      enricher.enrich(at(TIME, exec(10, 1, hostCgroup, Credentials.root(), "/bin/bash", "bash")));
      enricher.enrich(
          at(
              TIME + ms,
              exec(
                  20,
                  10,
                  hostCgroup,
                  new Credentials(1000, 1000, 1000, 1000, 1000, 0, 0, 0),
                  "/usr/sbin/chroot",
                  "chroot",
                  "/",
                  "/bin/true")));
      enricher.enrich(
          at(TIME + 3 * ms, exec(20, 10, hostCgroup, Credentials.root(), "/bin/true", "true")));
      // the open happened between the two execs; its sensor's ring was read after the second
      EnrichedEvent late = enricher.enrich(at(TIME + 2 * ms, open(20, hostCgroup, "/etc/passwd")));

      assertThat(late.lineage().chain())
          .extracting(ProcessInfo::name)
          .containsExactly("chroot", "bash");
      assertThat(late.process().cmdline()).isEqualTo("chroot / /bin/true");
      assertThat(late.user().name()).isEqualTo("alice");
      assertThat(enricher.metrics().processHistoryMisses()).isZero();

      // older than anything kept for pid 20: the oldest program it had, counted
      EnrichedEvent tooLate = enricher.enrich(at(TIME - ms, open(20, hostCgroup, "/etc/passwd")));
      assertThat(tooLate.process().name()).isEqualTo("chroot");
      assertThat(enricher.metrics().processHistoryMisses()).isEqualTo(1);

      EnrichedEvent after = enricher.enrich(at(TIME + 4 * ms, open(20, hostCgroup, "/etc/passwd")));
      assertThat(after.process().name()).isEqualTo("true");
      assertThat(after.user().name()).isEqualTo("root");
    }
  }

  @Test
  void aNewContainerIsEmittedAtOnceAndCompletedLater() {
    try (Enricher enricher = enricher()) {
      EnrichedEvent first = enricher.enrich(open(50, containerCgroup, "/etc/shadow"));

      assertThat(first.container().id()).isEqualTo(ID);
      assertThat(first.container().image()).isEmpty();
      assertThat(enricher.metrics().partialContainers()).isEqualTo(1);
      assertThat(enricher.complete(first)).isSameAs(first);

      containers.put(nginx());
      pods.put(webPod());

      EnrichedEvent completed = enricher.complete(first);
      assertThat(completed.container().image()).isEqualTo("docker.io/library/nginx:1.27");
      assertThat(completed.pod()).isEqualTo(webPod());
      assertThat(completed.event()).isSameAs(first.event());

      EnrichedEvent later = enricher.enrich(open(50, containerCgroup, "/etc/passwd"));
      assertThat(later.container().name()).isEqualTo("web");
      assertThat(requireNonNull(later.pod()).namespace()).isEqualTo("shop");
      assertThat(enricher.metrics().partialContainers()).isEqualTo(1);
    }
  }

  @Test
  void awaitCompleteWaitsBoundedForAPendingLookup() {
    try (Enricher enricher = enricher()) {
      EnrichedEvent first = enricher.enrich(open(50, containerCgroup, "/etc/shadow"));
      assertThat(enricher.awaitComplete(first, Duration.ofMillis(20)).container().name()).isEmpty();
      Thread.ofVirtual()
          .start(
              () -> {
                sleep(30);
                containers.put(nginx());
              });
      assertThat(enricher.awaitComplete(first, Duration.ofSeconds(5)).container().name())
          .isEqualTo("web");
    }
  }

  @Test
  void theRuntimesPodStandsInWithoutKubernetes() {
    PodInfo fromSandbox =
        new PodInfo(
            "web-0",
            POD_UID,
            "shop",
            Map.of("app", "web"),
            Map.of(),
            Map.of(),
            List.of(),
            "",
            null);
    containers.put(new ContainerMetadata(nginx().container(), fromSandbox, 4242));
    try (Enricher enricher = enricher()) {
      assertThat(enricher.enrich(open(50, containerCgroup, "/x")).pod()).isEqualTo(fromSandbox);
    }
  }

  @Test
  void aMissingRuntimeSocketLeavesContainersKnownByIdOnly(@TempDir Path run) {
    try (Enricher enricher =
        Enricher.builder()
            .procRoot(null)
            .etcRoot(etc)
            .cgroup2Root(cgroup2)
            .hostname("n")
            .containers(
                ContainerMetadataSource.cri(
                    CriSettings.DEFAULT.withSocket(run.resolve("gone.sock"))))
            .build()) {
      for (int i = 0; i < 1000; i++) {
        EnrichedEvent event = enricher.enrich(open(50, containerCgroup, "/etc/shadow"));
        assertThat(event.container().id()).isEqualTo(ID);
        assertThat(event.container().image()).isEmpty();
      }
      assertThat(enricher.metrics().partialContainers()).isEqualTo(1000);
      String line =
          Polling.eventually(
              () ->
                  enricher.statusLines().get(2).contains("not answering")
                      ? enricher.statusLines().get(2)
                      : null);
      assertThat(line)
          .startsWith(
              "containers: unavailable: runtime at "
                  + run.resolve("gone.sock")
                  + " not answering: UNAVAILABLE");
    }
  }

  @Test
  void statusSaysWhatIsMissing() {
    try (Enricher enricher =
        Enricher.builder().procRoot(null).etcRoot(etc).cgroup2Root(null).hostname("n").build()) {
      assertThat(enricher.statusLines())
          .containsExactly(
              "process table: partial: no procfs: processes are known only from exec and fork events",
              "cgroups: partial: no cgroup v2 mount: containers are resolved from /proc/PID/cgroup",
              "containers: unavailable: no container runtime configured",
              "kubernetes: unavailable: no Kubernetes API configured");
      EnrichedEvent event = enricher.enrich(open(99, 12345, "/tmp/x"));
      assertThat(event.container()).isSameAs(ContainerInfo.HOST);
      assertThat(event.process().pid()).isEqualTo(99);
    }
  }

  @Test
  void anAuditRecordOfAReapedTaskIsBlamedOnItsProgramAndContainer() {
    try (Enricher enricher = enricher()) {
      containers.put(nginx());
      enricher.enrich(
          exec(40, 1, containerCgroup, new Credentials(0, 0, 0, 0, -1, 0, 0, 0), "/bin/sh", "sh"));
      enricher.enrich(
          at(
              TIME + 5_000_000L,
              exec(
                  40,
                  1,
                  containerCgroup,
                  new Credentials(0, 0, 0, 0, -1, 0, 0, 0),
                  "/opt/violate",
                  "violate")));
      // the coarse audit clock stamps the kill 3 ms before the exec that preceded it; the task was
      // reaped before its cgroup could be read
      SeccompViolation audited =
          new SeccompViolation(
              new EventHeader(TIME + 2_000_000L, 40, 40, 0, Namespaces.UNKNOWN),
              110,
              "getppid",
              SeccompViolation.Action.KILL_PROCESS,
              0,
              SeccompViolation.Source.AUDIT);
      EnrichedEvent event = enricher.enrich(audited);

      assertThat(event.process().name()).isEqualTo("violate");
      assertThat(event.container().id()).isEqualTo(ID);
      assertThat(event.container().name()).isEqualTo("web");
      assertThat(enricher.complete(event).container().id()).isEqualTo(ID);

      // a sensor's event keeps its own time: the program that ran then
      SeccompViolation signalled =
          new SeccompViolation(
              new EventHeader(TIME + 2_000_000L, 40, 40, containerCgroup, Namespaces.UNKNOWN),
              110,
              "getppid",
              SeccompViolation.Action.KILL_PROCESS,
              0,
              SeccompViolation.Source.SIGNAL);
      assertThat(enricher.enrich(signalled).process().name()).isEqualTo("sh");
    }
  }

  @Test
  void statusWithEverythingPresent() {
    try (Enricher enricher =
        Enricher.builder()
            .etcRoot(etc)
            .cgroup2Root(cgroup2)
            .hostname("n")
            .containers(containers)
            .pods(pods)
            .build()) {
      assertThat(enricher.statusLines())
          .containsExactly(
              "process table: enabled (procfs + exec/fork/exit events)",
              "cgroups: enabled (cgroup2 at " + cgroup2 + ")",
              "containers: enabled (memory)",
              "kubernetes: enabled (memory)");
      assertThat(enricher.metrics().processes()).isPositive();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
