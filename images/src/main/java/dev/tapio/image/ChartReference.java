package dev.tapio.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The image reference the Helm chart's defaults name ({@code image.repository} and the chart's
 * {@code appVersion}, as its {@code tapio.image} template joins them): the build tags the image
 * with exactly this, so an installed chart finds the image that was built.
 */
public final class ChartReference {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ChartReference() {}

  /** {@code repository:appVersion} read from the chart in {@code chartDirectory}. */
  public static String defaultImage(Path chartDirectory) throws IOException {
    return repository(chartDirectory) + ":" + appVersion(chartDirectory);
  }

  public static String appVersion(Path chartDirectory) throws IOException {
    return required(YAML.readTree(chartDirectory.resolve("Chart.yaml").toFile()), "/appVersion");
  }

  static String repository(Path chartDirectory) throws IOException {
    return required(
        YAML.readTree(chartDirectory.resolve("values.yaml").toFile()), "/image/repository");
  }

  private static String required(JsonNode root, String pointer) throws IOException {
    String value = root.at(pointer).asText("");
    if (value.isBlank()) {
      throw new IOException("the chart has no " + pointer.substring(1).replace('/', '.'));
    }
    return value;
  }
}
