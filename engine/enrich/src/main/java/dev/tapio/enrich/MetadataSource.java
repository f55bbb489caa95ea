package dev.tapio.enrich;

import dev.tapio.api.spi.SourceStatus;

/**
 * What every metadata source has, whatever it looks up: a name and a status for status lines, and a
 * close. {@link ContainerMetadataSource} and {@link PodMetadataSource} add their lookups.
 */
public interface MetadataSource extends AutoCloseable {

  /**
   * A short name for status lines ({@code cri}, {@code kubernetes}, {@code memory}, {@code none}).
   */
  String name();

  SourceStatus status();

  @Override
  default void close() {}
}
