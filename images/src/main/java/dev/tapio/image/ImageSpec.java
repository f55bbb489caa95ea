package dev.tapio.image;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * What the image's config says besides its layers: how the engine starts and what the image is.
 *
 * @param name the reference it is imported as ({@code repository:tag})
 * @param architecture the OCI architecture ({@code amd64}, {@code arm64})
 * @param entrypoint the program and its fixed arguments
 * @param cmd the default arguments ({@code tapio run})
 * @param env the environment, {@code KEY=value}
 * @param user {@code uid:gid}
 * @param labels the config's labels; the manifest carries the same as annotations
 * @param created the one time stamped on the config and every layer entry
 */
public record ImageSpec(
    String name,
    String architecture,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    String user,
    SequencedMap<String, String> labels,
    Instant created) {

  public ImageSpec {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    labels = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(labels));
  }

  /** The tag after the last colon of {@link #name()}. */
  public String tag() {
    return name.substring(name.lastIndexOf(':') + 1);
  }

  /** The OCI architecture of the JVM running the build. */
  public static String hostArchitecture() {
    String arch = System.getProperty("os.arch", "");
    return Map.of("amd64", "amd64", "x86_64", "amd64", "aarch64", "arm64").getOrDefault(arch, arch);
  }
}
