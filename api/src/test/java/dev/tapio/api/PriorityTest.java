package dev.tapio.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Priority;
import org.junit.jupiter.api.Test;

class PriorityTest {

  @Test
  void parsesRuleFileSpellingsCaseInsensitively() {
    assertThat(Priority.parse("WARNING")).contains(Priority.WARNING);
    assertThat(Priority.parse("critical")).contains(Priority.CRITICAL);
    assertThat(Priority.parse(" Info ")).contains(Priority.INFORMATIONAL);
    assertThat(Priority.parse("Informational")).contains(Priority.INFORMATIONAL);
    assertThat(Priority.parse("severe")).isEmpty();
  }

  @Test
  void severitiesFallAsPrioritiesFall() {
    Priority[] all = Priority.values();
    for (int i = 1; i < all.length; i++) {
      assertThat(all[i].otelSeverityNumber()).isLessThan(all[i - 1].otelSeverityNumber());
      assertThat(all[i].syslogSeverity()).isEqualTo(all[i - 1].syslogSeverity() + 1);
      assertThat(all[i - 1].atLeast(all[i])).isTrue();
      assertThat(all[i].atLeast(all[i - 1])).isFalse();
    }
    assertThat(Priority.WARNING.otelSeverityText()).isEqualTo("WARN");
    assertThat(Priority.WARNING.otelSeverityNumber()).isEqualTo(13);
  }
}
