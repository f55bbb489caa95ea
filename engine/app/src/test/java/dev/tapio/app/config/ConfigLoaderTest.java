package dev.tapio.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the configuration file: values, defaults, and every problem with its position. */
class ConfigLoaderTest {
  @TempDir Path dir;

  private EffectiveConfig load(String yaml) throws Exception {
    Path file = dir.resolve("tapio.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file, Map.of(), List.of());
  }

  private List<String> problems(String yaml) throws Exception {
    Path file = dir.resolve("tapio.yaml");
    Files.writeString(file, yaml);
    try {
      ConfigLoader.load(file, Map.of(), List.of());
    } catch (ConfigException e) {
      return e.problems().stream()
          .map(p -> p.toString().replace(file.toString(), "tapio.yaml"))
          .toList();
    }
    throw new AssertionError("no problem reported");
  }

  @Test
  void readsEverySectionAndKeepsDefaultsForTheRest() throws Exception {
    EffectiveConfig c =
        load(
            """
            rules:
              files: [my_rules.yaml]
              disable:
                tags: [network]
            outputs:
              otlp:
                endpoint: https://collector:4318
                headers: {authorization: Bearer abc}
            spool:
              maxBytes: 64MiB
              maxAge: 2h
            rateLimits:
              cgroup: {fileRecordsPerSecond: 0}
            node: {name: node-a}
            cluster: {name: prod}
            """);
    assertThat(c.get(Settings.RULES_FILES)).containsExactly(dir.resolve("my_rules.yaml"));
    assertThat(c.get(Settings.RULES_DISABLE_TAGS)).containsExactly("network");
    assertThat(c.find(Settings.OTLP_ENDPOINT)).contains("https://collector:4318");
    assertThat(c.get(Settings.OTLP_HEADERS)).containsEntry("authorization", "Bearer abc");
    assertThat(c.get(Settings.SPOOL_MAX_BYTES)).isEqualTo(64L << 20);
    assertThat(c.get(Settings.SPOOL_MAX_AGE)).isEqualTo(Duration.ofHours(2));
    assertThat(c.get(Settings.CGROUP_FILE_RATE)).isZero();
    assertThat(c.get(Settings.NODE_NAME)).isEqualTo("node-a");
    assertThat(c.find(Settings.CLUSTER_NAME)).contains("prod");
    assertThat(c.origin(Settings.NODE_NAME).toString()).endsWith("tapio.yaml:14:14");
    assertThat(c.get(Settings.SPOOL_ENABLED)).isTrue();
    assertThat(c.get(Settings.HTTP_ADDRESS)).isEqualTo("127.0.0.1:8765");
    assertThat(c.origin(Settings.HTTP_ADDRESS).source()).isEqualTo(Origin.Source.DEFAULT);
  }

  @Test
  void anEmptyFileMeansTheDefaults() throws Exception {
    EffectiveConfig c = load("");
    assertThat(c.get(Settings.SPOOL_DIRECTORY)).isEqualTo(Path.of("/var/lib/tapio/spool"));
    assertThat(c.get(Settings.CGROUP_FILE_RATE)).isEqualTo(20_000);
    assertThat(c.get(Settings.NODE_NAME)).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          spool:\\n  maxBytez: 1MiB        | tapio.yaml:2:3: unknown key 'spool.maxBytez'; did you mean 'spool.maxBytes'?
          outputs:\\n  otpl: {}           | tapio.yaml:2:3: unknown key 'outputs.otpl'; did you mean 'outputs.otlp'?
          colour: red                    | tapio.yaml:1:1: unknown key 'colour'
          spool:\\n  enabled: yes please | tapio.yaml:2:12: spool.enabled must be true or false, not 'yes please'
          spool:\\n  enabled: 1          | tapio.yaml:2:12: spool.enabled must be true or false, not an integer
          spool:\\n  maxAge: 3 days      | tapio.yaml:2:11: spool.maxAge must be a duration (a number with ms, s, m, h or d), not '3 days'
          spool:\\n  maxBytes: 1000      | tapio.yaml:2:13: spool.maxBytes must be a size of at least 4KiB, not '1000'
          spool: true                    | tapio.yaml:1:8: spool must be a mapping of settings, not a boolean
          sensors:\\n  ringBufferSize: 3MiB | tapio.yaml:2:19: sensors.ringBufferSize must be a power of two from 4KiB to 1GiB, not '3MiB'
          sensors:\\n  reorderDelay: 1m  | tapio.yaml:2:17: sensors.reorderDelay must be a duration of at most 10s, not '1m'
          rules:\\n  files: rules.yaml   | tapio.yaml:2:10: rules.files must be a list of paths, not a string
          outputs:\\n  otlp:\\n    endpoint: collector:4318 | tapio.yaml:3:15: outputs.otlp.endpoint must be an http:// or https:// URL, not 'collector:4318'
          outputs:\\n  otlp:\\n    protocol: udp | tapio.yaml:3:15: outputs.otlp.protocol must be one of http/protobuf, grpc, not 'udp'
          rateLimits:\\n  alerts:\\n    perKey: 0 | tapio.yaml:3:13: rateLimits.alerts.perKey must be an integer of at least 1, not '0'
          http:\\n  address: 0.0.0.0:8765 | tapio.yaml:2:12: http.address 0.0.0.0:8765 is reachable from other hosts: set http.token or http.tokenFile
          http:\\n  address: nowhere   | tapio.yaml:2:12: http.address must be an address such as 127.0.0.1:8765, not 'nowhere'
          spool:\\n  enabled: true\\n  enabled: false | tapio.yaml:3:3: duplicate key 'enabled'
          spool: [oops                   | tapio.yaml:1:13: not valid YAML: while parsing a flow sequence
          append_output: yes             | tapio.yaml:1:16: append_output must be a list of append_output entries (match, extra_output, extra_fields) with known fields, not a boolean
          append_output:\\n  - extra_output: "%proc.nme" | tapio.yaml:2:3: append_output must be a list of append_output entries (match, extra_output, extra_fields) with known fields, not '%proc.nme' (invalid formatting token proc.nme: unknown filter)
          sampling:\\n  cpuBudget: 1.5   | tapio.yaml:2:14: sampling.cpuBudget must be a number from 0 to 1, not '1.5'
          sampling:\\n  cpuBudget: 0     | tapio.yaml:2:14: sampling.cpuBudget must be a number above 0, at most 1, not '0'
          sampling:\\n  maxKeepOneIn: 100 | tapio.yaml:2:17: sampling.maxKeepOneIn must be a power of two of at least 2, not '100'
          sampling:\\n  interval: 1ms    | tapio.yaml:2:13: sampling.interval must be a duration of at least 10ms, not '1ms'
          sampling:\\n  queueLowWatermark: 0.6 | tapio.yaml:2:22: sampling.queueLowWatermark 0.6 must be below sampling.queueHighWatermark 0.5
          metrics:\\n  otlp:\\n    enabled: true | tapio.yaml:3:14: metrics.otlp.enabled needs outputs.otlp.endpoint: the metrics go to the alerts' OTLP receiver
          metrics:\\n  otlp:\\n    interval: 10ms | tapio.yaml:3:15: metrics.otlp.interval must be a duration of at least 100ms, not '10ms'
          """)
  void reportsEachProblemWithItsPosition(String yaml, String expected) throws Exception {
    assertThat(problems(yaml.replace("\\n", "\n"))).containsExactly(expected);
  }

  @Test
  void appendOutputIsReadAsFalcoWritesIt() throws Exception {
    EffectiveConfig c =
        load(
            """
            append_output:
              - match:
                  source: syscall
                  tags: [container]
                extra_output: "pod=%k8s.pod.name"
                extra_fields:
                  - container.image
                  - who: "%user.name"
            """);
    assertThat(c.get(Settings.APPEND_OUTPUT))
        .containsExactly(
            new AppendOutput(
                "syscall",
                List.of("container"),
                null,
                "pod=%k8s.pod.name",
                Map.of("container.image", "%container.image", "who", "%user.name")));
    assertThat(load("").get(Settings.APPEND_OUTPUT)).isEqualTo(AppendOutput.DEFAULT);
  }

  @Test
  void reportsEveryProblemAtOnce() throws Exception {
    assertThat(problems("spool:\n  maxAge: soon\nhttp:\n  enabled: maybe\nextra: 1\n"))
        .containsExactly(
            "tapio.yaml:2:11: spool.maxAge must be a duration (a number with ms, s, m, h or d), not 'soon'",
            "tapio.yaml:4:12: http.enabled must be true or false, not 'maybe'",
            "tapio.yaml:5:1: unknown key 'extra'");
  }

  @Test
  void flagsBeatTheEnvironmentWhichBeatsTheFile() throws Exception {
    Path file = dir.resolve("tapio.yaml");
    Files.writeString(
        file,
        "spool:\n  maxAge: 1h\n  maxBytes: 1MiB\n  directory: /file\noutputs:\n  otlp:\n    endpoint: http://file:4318\n");
    Map<String, String> env =
        Map.of(
            "TAPIO_SPOOL_MAX_AGE", "2h",
            "TAPIO_SPOOL_MAX_BYTES", "2MiB",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://env:4318");
    EffectiveConfig c = ConfigLoader.load(file, env, List.of(FlagValue.parse("spool.maxAge=3h")));
    assertThat(c.get(Settings.SPOOL_MAX_AGE)).isEqualTo(Duration.ofHours(3));
    assertThat(c.origin(Settings.SPOOL_MAX_AGE).toString()).isEqualTo("--set spool.maxAge");
    assertThat(c.get(Settings.SPOOL_MAX_BYTES)).isEqualTo(2L << 20);
    assertThat(c.origin(Settings.SPOOL_MAX_BYTES).toString())
        .isEqualTo("environment variable TAPIO_SPOOL_MAX_BYTES");
    assertThat(c.find(Settings.OTLP_ENDPOINT)).contains("http://env:4318");
    assertThat(c.get(Settings.SPOOL_DIRECTORY)).isEqualTo(Path.of("/file"));
    assertThat(c.get(Settings.SPOOL_ENABLED)).isTrue();
  }

  @Test
  void theLogsSpecificOtlpVariableWinsOverTheGenericOne() {
    EffectiveConfig c =
        ConfigLoader.load(
            null,
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://generic:4318",
                "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs:4318/v1/logs",
                "NODE_NAME", "node-7"),
            List.of());
    assertThat(c.find(Settings.OTLP_ENDPOINT)).contains("http://logs:4318/v1/logs");
    assertThat(c.get(Settings.NODE_NAME)).isEqualTo("node-7");
  }

  @Test
  void badEnvironmentAndFlagValuesNameTheirSource() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null,
                    Map.of("TAPIO_SPOOL_MAX_AGE", "forever"),
                    List.of(FlagValue.parse("http.enabled=perhaps"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "environment variable TAPIO_SPOOL_MAX_AGE: spool.maxAge must be a duration (a number"
                + " with ms, s, m, h or d), not 'forever'\n"
                + "--set http.enabled: http.enabled must be true or false, not 'perhaps'");
    assertThatThrownBy(() -> FlagValue.parse("spool.maxbyte=1"))
        .hasMessage(
            "--set spool.maxbyte: unknown key 'spool.maxbyte'; did you mean 'spool.maxBytes'?");
    assertThatThrownBy(() -> FlagValue.parse("spool.maxBytes"))
        .hasMessage("--set spool.maxBytes: expected --set KEY=VALUE");
  }

  @Test
  void anExposedListenerTakesItsTokenFromAFile() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "s3cret\n");
    EffectiveConfig c = load("http:\n  address: 0.0.0.0:0\n  tokenFile: " + token + "\n");
    assertThat(c.find(Settings.HTTP_TOKEN_FILE)).contains(token);
    assertThat(problems("http:\n  token: a\n  tokenFile: " + token + "\n"))
        .containsExactly("tapio.yaml:3:14: set http.token or http.tokenFile, not both");
  }

  @Test
  void everySettingHasItsOwnVariable() {
    assertThat(Settings.SPOOL_MAX_BYTES.variable()).isEqualTo("TAPIO_SPOOL_MAX_BYTES");
    assertThat(Settings.CGROUP_FILE_RATE.variable())
        .isEqualTo("TAPIO_RATE_LIMITS_CGROUP_FILE_RECORDS_PER_SECOND");
    assertThat(Settings.ALL.stream().map(Setting::variable).distinct()).hasSameSizeAs(Settings.ALL);
  }

  @Test
  void theHostRootComesFromTheFileOrTapioHostRoot() throws Exception {
    assertThat(Settings.HOST_ROOT.variable()).isEqualTo("TAPIO_HOST_ROOT");
    assertThat(ConfigLoader.load(null, Map.of(), List.of()).find(Settings.HOST_ROOT)).isEmpty();
    EffectiveConfig env = ConfigLoader.load(null, Map.of("TAPIO_HOST_ROOT", "/host"), List.of());
    assertThat(env.find(Settings.HOST_ROOT)).contains(Path.of("/host"));
    assertThat(env.origin(Settings.HOST_ROOT)).hasToString("environment variable TAPIO_HOST_ROOT");
    assertThat(load("host:\n  root: /host\n").find(Settings.HOST_ROOT)).contains(Path.of("/host"));
  }
}
