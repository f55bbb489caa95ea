package dev.tapio.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.ProcessExit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichedEventTest {

  @Test
  void withContainerChangesContainerAndPodAndKeepsTheRest() {
    ProcessInfo sh =
        new ProcessInfo(
            7,
            7,
            1,
            "sh",
            "sh",
            "/bin/sh",
            List.of(),
            "/",
            7,
            7,
            0,
            Credentials.root(),
            1,
            false,
            false);
    EnrichedEvent host =
        new EnrichedEvent(
            new ProcessExit(new EventHeader(1, 7, 7, 42, Namespaces.UNKNOWN), 0, 0, true),
            Lineage.of(sh),
            new UserInfo(0, "root", "/root", "/bin/sh", -1, null, 0, "root"),
            ContainerInfo.HOST,
            null,
            "node-1");
    ContainerInfo nginx =
        new ContainerInfo(
            "abc",
            "web",
            "nginx:1.27",
            "nginx",
            "1.27",
            "",
            "containerd",
            false,
            List.of(),
            Map.of(),
            0);
    PodInfo pod =
        new PodInfo("web-1", "u1", "prod", Map.of(), Map.of(), Map.of(), List.of(), "n1", null);

    EnrichedEvent moved = host.withContainer(nginx, pod);

    assertThat(moved)
        .isEqualTo(
            new EnrichedEvent(host.event(), host.lineage(), host.user(), nginx, pod, "node-1"));
    assertThat(host.container()).isEqualTo(ContainerInfo.HOST);
  }
}
