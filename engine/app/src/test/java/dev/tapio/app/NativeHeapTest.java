package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeHeapTest {

  @Test
  void glibcTakesTheFixedMapThreshold() {
    // the build machines and the image run glibc, whose mallopt returns 1 for a value it takes
    assertThat(NativeHeap.mapLargeBlocks()).isTrue();
  }
}
