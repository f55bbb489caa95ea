package dev.tapio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.app.EngineOptions;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tapio record} runs beside {@code tapio run}: it leaves the HTTP port to it. */
class RecordCommandTest {

  @Test
  void aRecordingServesNoEndpointsByDefault() {
    EngineOptions options = options(EffectiveConfig.defaults());
    assertThat(options.config().get(Settings.HTTP_ENABLED)).isTrue();

    EngineOptions recording = RecordCommand.withoutListener(options);

    assertThat(recording.config().get(Settings.HTTP_ENABLED)).isFalse();
    assertThat(recording.recordTo()).isEqualTo(Path.of("events.jsonl"));
  }

  @Test
  void anExplicitSettingIsKept() {
    EffectiveConfig asked = EffectiveConfig.defaults().with(Settings.HTTP_ENABLED, true, "--set");

    assertThat(RecordCommand.withoutListener(options(asked)).config().get(Settings.HTTP_ENABLED))
        .isTrue();
  }

  private static EngineOptions options(EffectiveConfig config) {
    return new EngineOptions(
        List.of(), false, Path.of("events.jsonl"), false, 1 << 20, Map.of(), config);
  }
}
