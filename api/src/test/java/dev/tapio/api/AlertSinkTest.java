package dev.tapio.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.spi.AlertSink;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertSinkTest {

  static Alert alert(String rule) {
    var header = new EventHeader(1, 10, 10, 1, Namespaces.UNKNOWN);
    var process =
        new ProcessInfo(
            10,
            10,
            1,
            "sh",
            "sh",
            "/bin/sh",
            List.of(),
            "/",
            1,
            1,
            0,
            Credentials.root(),
            0,
            false,
            false);
    var event =
        new EnrichedEvent(
            new ProcessExit(header, 0, 0, true),
            Lineage.of(process),
            new UserInfo(0, "root", "/root", "/bin/sh", -1, null, 0, "root"),
            ContainerInfo.HOST,
            null,
            "node-1");
    return new Alert(
        "id-" + rule, rule, Priority.WARNING, "out", Map.of(), Set.of(), "syscall", 1, event);
  }

  @Test
  void compositeDeliversToEverySinkEvenWhenOneFails() {
    var first = new InMemoryAlertSink();
    var last = new InMemoryAlertSink();
    AlertSink failing =
        new AlertSink() {
          @Override
          public String name() {
            return "failing";
          }

          @Override
          public void send(Alert alert) {
            throw new IllegalStateException("down");
          }
        };
    AlertSink composite = AlertSink.composite(List.of(first, failing, last));

    assertThatThrownBy(() -> composite.send(alert("r"))).hasMessage("down");
    assertThat(first.alerts()).extracting(Alert::rule).containsExactly("r");
    assertThat(last.alerts()).extracting(Alert::rule).containsExactly("r");
  }

  @Test
  void noopAcceptsAndDiscards() {
    AlertSink.noop().send(alert("r"));
    assertThat(AlertSink.noop().name()).isEqualTo("noop");
  }

  @Test
  void lineageCountsAncestorsFromTheProcessItself() {
    var self = alert("r").event().process();
    var lineage = new Lineage(List.of(self, self));
    assertThat(lineage.ancestor(0)).isSameAs(self);
    assertThat(lineage.parent()).isSameAs(self);
    assertThat(lineage.ancestor(2)).isNull();
    assertThat(lineage.ancestor(-1)).isNull();
  }
}
