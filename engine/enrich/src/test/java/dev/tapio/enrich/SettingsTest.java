package dev.tapio.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void processTableLimitsAreValidated() {
    assertThatThrownBy(() -> new ProcessTableLimits(8, 16, Duration.ZERO))
        .hasMessage("maxEntries must be at least 16, was 8");
    assertThatThrownBy(() -> new ProcessTableLimits(64, 0, Duration.ZERO))
        .hasMessage("maxDepth must be at least 1, was 0");
    assertThatThrownBy(() -> new ProcessTableLimits(64, 4, Duration.ofSeconds(-1)))
        .hasMessage("exitLinger must not be negative, was PT-1S");
    assertThatThrownBy(() -> ProcessTableLimits.DEFAULT.withHistory(0, Duration.ZERO))
        .hasMessage("generations must be between 1 and 64, was 0");
    assertThatThrownBy(() -> ProcessTableLimits.DEFAULT.withHistory(2, Duration.ofSeconds(-1)))
        .hasMessage("history must not be negative, was PT-1S");
    assertThat(ProcessTableLimits.DEFAULT.generations()).isEqualTo(4);
    assertThat(ProcessTableLimits.DEFAULT.history()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void criSettingsAreValidated() {
    assertThatThrownBy(() -> CriSettings.DEFAULT.withCallTimeout(Duration.ZERO))
        .hasMessage("callTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> new CriSettings(null, "", Duration.ofSeconds(1), 0))
        .hasMessage("maxContainers must be positive, was 0");
    assertThat(CriSettings.DEFAULT.socket()).isNull();
  }

  @Test
  void podsOfTheNodeNeedANodeName() {
    assertThatThrownBy(() -> KubernetesSettings.forNode("", "prod"))
        .hasMessage("podsOfNodeOnly needs a nodeName");
    KubernetesSettings settings =
        KubernetesSettings.forNode("n1", "prod")
            .withPodsOfNodeOnly(false)
            .withPodLabels(Set.of("app"));
    assertThat(settings.podsOfNodeOnly()).isFalse();
    assertThat(settings.podLabels()).containsExactly("app");
    assertThat(settings.podAnnotations()).isEmpty();
  }

  @Test
  void theBuilderRejectsABlankHostname() {
    assertThatThrownBy(() -> Enricher.builder().hostname(" "))
        .hasMessage("hostname must not be blank");
  }

  @Test
  void compositeSourcesAskInOrderAndFoldTheirStatus() {
    InMemoryContainerMetadataSource memory = new InMemoryContainerMetadataSource();
    ContainerMetadataSource composite =
        ContainerMetadataSource.composite(
            java.util.List.of(ContainerMetadataSource.noop(), memory));
    assertThat(composite.name()).isEqualTo("none+memory");
    assertThat(composite.status().toString())
        .isEqualTo("partial: none: no container runtime configured");
    assertThat(composite.lookup("x")).isNull();
    assertThat(
            PodMetadataSource.composite(java.util.List.of(PodMetadataSource.noop()))
                .status()
                .toString())
        .isEqualTo("unavailable: none: no Kubernetes API configured");
  }

  @Test
  void theFirstPodSourceThatKnowsAPodAnswers() {
    dev.tapio.api.context.PodInfo first =
        new dev.tapio.api.context.PodInfo(
            "web-1", "u1", "prod", Map.of(), Map.of(), Map.of(), List.of(), "n1", null);
    dev.tapio.api.context.PodInfo second =
        new dev.tapio.api.context.PodInfo(
            "web-1",
            "u1",
            "prod",
            Map.of("from", "second"),
            Map.of(),
            Map.of(),
            List.of(),
            "n1",
            null);
    dev.tapio.api.context.PodInfo other =
        new dev.tapio.api.context.PodInfo(
            "db-1", "u2", "prod", Map.of(), Map.of(), Map.of(), List.of(), "n1", null);
    PodMetadataSource composite =
        PodMetadataSource.composite(
            List.of(
                PodMetadataSource.noop(),
                new InMemoryPodMetadataSource().put(first),
                new InMemoryPodMetadataSource().put(second).put(other)));
    assertThat(composite.lookup("u1", "", "")).isSameAs(first);
    assertThat(composite.lookup("", "prod", "db-1")).isSameAs(other);
    assertThat(composite.lookup("u3", "prod", "x")).isNull();
    assertThat(composite.name()).isEqualTo("none+memory+memory");
    assertThat(composite.status().toString())
        .isEqualTo("partial: none: no Kubernetes API configured");
  }
}
