package dev.tapio.enrich.internal.cri;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRefTest {
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
  void splitsReferences(String reference, String repository, String tag, String digest) {
    assertThat(ImageRef.parse(reference))
        .isEqualTo(
            new ImageRef(
                repository == null ? "" : repository,
                tag == null ? "" : tag,
                digest == null ? "" : digest));
  }
}
