package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesAccessTest {

  @Test
  void outsideAClusterThereIsNoPodSource() {
    assertThat(KubernetesAccess.podSource(Map.of(), "node-1", null)).isEmpty();
  }

  @Test
  void inAClusterWithoutTheNodeNameThereIsNoPodSource() {
    assertThat(
            KubernetesAccess.podSource(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"), null, null))
        .isEmpty();
  }
}
