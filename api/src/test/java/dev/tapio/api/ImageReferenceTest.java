package dev.tapio.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.ImageReference;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

  @Test
  void splitsRepositoryTagAndDigest() {
    assertThat(ImageReference.parse("nginx:1.27"))
        .isEqualTo(new ImageReference("nginx", "1.27", ""));
    assertThat(ImageReference.parse("nginx")).isEqualTo(new ImageReference("nginx", "", ""));
    assertThat(ImageReference.parse("registry.local:5000/team/app:1.2@sha256:abc"))
        .isEqualTo(new ImageReference("registry.local:5000/team/app", "1.2", "sha256:abc"));
    assertThat(ImageReference.parse("registry.local:5000/team/app"))
        .isEqualTo(new ImageReference("registry.local:5000/team/app", "", ""));
    assertThat(ImageReference.parse("app@sha256:abc"))
        .isEqualTo(new ImageReference("app", "", "sha256:abc"));
    assertThat(ImageReference.parse("")).isEqualTo(new ImageReference("", "", ""));
  }
}
