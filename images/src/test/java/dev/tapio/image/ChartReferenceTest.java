package dev.tapio.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChartReferenceTest {
  static final Path CHART = Path.of(System.getProperty("tapio.image.chart", "../helm/tapio"));

  @Test
  void theBuiltImagesNameIsWhatTheChartDeploysByDefault() throws Exception {
    String rendered = new Helm(CHART).template().withName("tapio").call();
    String name = ChartReference.defaultImage(CHART);
    assertThat(name).isEqualTo("ghcr.io/tapio-security/tapio:" + ChartReference.appVersion(CHART));
    assertThat(rendered).contains("image: \"" + name + "\"");
  }
}
