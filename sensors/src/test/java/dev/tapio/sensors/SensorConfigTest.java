package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SensorConfigTest {
  @Test
  void defaultsFilterThisProcess() {
    SensorConfig c = SensorConfig.defaults();
    assertThat(c.selfPid()).isEqualTo((int) ProcessHandle.current().pid());
    assertThat(c.ringBufferBytes()).isEqualTo(8 * 1024 * 1024);
    assertThat(c.features()).isNull();
  }

  @Test
  void ringBufferMustBeAPowerOfTwoOfAtLeastAPage() {
    assertThatThrownBy(() -> SensorConfig.builder().ringBufferBytes(6000).build())
        .hasMessage("ring buffer size must be a power of two of at least 4096 bytes: 6000");
    assertThatThrownBy(() -> SensorConfig.builder().ringBufferBytes(2048).build())
        .hasMessage("ring buffer size must be a power of two of at least 4096 bytes: 2048");
    assertThatThrownBy(() -> SensorConfig.builder().batchSize(0).build())
        .hasMessage("batch size must be positive: 0");
    assertThatThrownBy(() -> SensorConfig.builder().cgroupRateLimit(100, 0).build())
        .hasMessage("cgroup rate limit needs a rate >= 0 and a burst >= 1: 100/s, 0");
    assertThat(SensorConfig.builder().cgroupRateLimit(0, 0).build().cgroupRate()).isZero();
  }
}
