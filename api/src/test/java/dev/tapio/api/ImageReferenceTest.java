package dev.tapio.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.ImageReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          docker.io/library/nginx:1.27                  | docker.io/library/nginx        | 1.27   | -
          nginx                                         | nginx                          | -      | -
          registry.local:5000/team/app                  | registry.local:5000/team/app   | -      | -
          registry.local:5000/team/app:v2               | registry.local:5000/team/app   | v2     | -
          quay.io/x/y@sha256:abc                        | quay.io/x/y                    | -      | sha256:abc
          quay.io/x/y:1@sha256:abc                      | quay.io/x/y                    | 1      | sha256:abc
          sha256:0123                                   | -                              | -      | sha256:0123
          """)
  void splitsReferencesAsRuntimesReportThem(
      String reference, String repository, String tag, String digest) {
    assertThat(ImageReference.parse(reference))
        .isEqualTo(
            new ImageReference(
                repository == null ? "" : repository,
                tag == null ? "" : tag,
                digest == null ? "" : digest));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          docker.io/library/nginx@sha256:feed           | sha256:feed
          docker.io/library/nginx:1.27                  | -
          sha256:0123                                   | -
          """)
  void aRepositoryDigestIsNamedOnlyAfterAnAt(String reference, String digest) {
    assertThat(ImageReference.repositoryDigestOf(reference))
        .isEqualTo(digest == null ? "" : digest);
  }
}
