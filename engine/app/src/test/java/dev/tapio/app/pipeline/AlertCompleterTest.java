package dev.tapio.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.rules.Match;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertCompleterTest {

  static EnrichedEvent inContainer(String image) {
    EnrichedEvent e = PipelineTest.ENRICH.apply(PipelineTest.open(1, "/etc/shadow"));
    var c =
        new ContainerInfo(
            "abc", "", image, "", "", "", "containerd", false, List.of(), Map.of(), 0);
    return e.withContainer(c, null);
  }

  @Test
  void alertsLeaveInOrderRenderedOnceTheirContainerBecameKnown() {
    var out = new InMemoryAlertSink();
    EnrichedEvent pending = inContainer("");
    EnrichedEvent known = inContainer("nginx:1.27");
    EnrichedEvent other = inContainer("redis:7");
    var completer = new AlertCompleter(e -> e == pending ? known : e, out);

    completer.send(new Match(ShadowRule.RULE, pending));
    completer.send(new Match(ShadowRule.RULE, other));
    completer.close();

    assertThat(out.alerts())
        .extracting(Alert::output)
        .containsExactly("image=nginx:1.27", "image=redis:7");
    assertThat(out.alerts()).extracting(Alert::event).containsExactly(known, other);
    assertThat(out.alerts()).extracting(Alert::rule).containsOnly("Shadow read");
    assertThat(out.alerts()).extracting(Alert::id).doesNotHaveDuplicates();
  }

  @Test
  void aFailingLookupDeliversTheAlertAsItWas() {
    var out = new InMemoryAlertSink();
    var completer =
        new AlertCompleter(
            e -> {
              throw new IllegalStateException("runtime down");
            },
            out);
    completer.send(new Match(ShadowRule.RULE, inContainer("")));
    completer.flush();
    assertThat(out.alerts()).extracting(Alert::output).containsExactly("image=");
    completer.close();
  }
}
