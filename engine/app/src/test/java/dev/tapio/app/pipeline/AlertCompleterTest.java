package dev.tapio.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertCompleterTest {

  static Alert alert(String id, EnrichedEvent e) {
    return new Alert(
        id,
        "r",
        Priority.WARNING,
        "image=" + e.container().image(),
        Map.of(),
        Set.of(),
        "syscall",
        0,
        e);
  }

  static EnrichedEvent inContainer(String image) {
    EnrichedEvent e = PipelineTest.ENRICH.apply(PipelineTest.open(1, "/etc/shadow"));
    var c =
        new ContainerInfo(
            "abc", "", image, "", "", "", "containerd", false, List.of(), Map.of(), 0);
    return new EnrichedEvent(e.event(), e.lineage(), e.user(), c, null, e.hostname());
  }

  @Test
  void alertsLeaveInOrderReRenderedWhenTheirContainerBecameKnown() {
    var out = new InMemoryAlertSink();
    EnrichedEvent pending = inContainer("");
    EnrichedEvent known = inContainer("nginx:1.27");
    var completer =
        new AlertCompleter(e -> e == pending ? known : e, (a, done) -> alert(a.id(), done), out);

    completer.send(alert("1", pending));
    completer.send(alert("2", known));
    completer.close();

    assertThat(out.alerts()).extracting(Alert::id).containsExactly("1", "2");
    assertThat(out.alerts())
        .extracting(Alert::output)
        .containsExactly("image=nginx:1.27", "image=nginx:1.27");
  }

  @Test
  void aFailingLookupDeliversTheAlertAsItWas() {
    var out = new InMemoryAlertSink();
    var completer =
        new AlertCompleter(
            e -> {
              throw new IllegalStateException("runtime down");
            },
            (a, done) -> a,
            out);
    completer.send(alert("1", inContainer("")));
    completer.flush();
    assertThat(out.alerts()).extracting(Alert::output).containsExactly("image=");
    completer.close();
  }
}
