package dev.tapio.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.app.config.AppendOutput;
import dev.tapio.rules.Match;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputAppenderTest {
  private static Alert alert() {
    return new Match(
            ShadowRule.RULE, PipelineTest.ENRICH.apply(PipelineTest.open(1, "/etc/shadow")))
        .render();
  }

  @Test
  void theDefaultGivesEverySyscallAlertItsContainerAndPodInTextAndFields() {
    Alert plain = alert();
    Alert appended = OutputAppender.of(AppendOutput.DEFAULT).apply(plain);
    assertThat(appended.id()).isEqualTo(plain.id());
    assertThat(appended.output())
        .isEqualTo(
            plain.output()
                + " container_id=host container_name=host container_image= k8s_ns=<NA>"
                + " k8s_pod=<NA>");
    assertThat(appended.outputFields())
        .containsAllEntriesOf(plain.outputFields())
        .containsEntry("container.id", "host")
        .containsKeys("container.name", "container.image", "k8s.ns.name", "k8s.pod.name");
  }

  @Test
  void entriesApplyByTagsAndRuleNameAndAddFieldsWithoutText() {
    Alert plain = alert(); // rule "Shadow read", source syscall, no tags
    var byOtherRule = new AppendOutput(null, List.of(), "Other rule", "x=%proc.name", Map.of());
    var byTag = new AppendOutput(null, List.of("needs_tag"), null, "x=%proc.name", Map.of());
    var fieldsOnly =
        new AppendOutput(
            "syscall",
            List.of(),
            "Shadow read",
            "",
            Map.of("proc.exepath", "%proc.exepath", "who", "%user.name on %proc.name"));
    Alert out = OutputAppender.of(List.of(byOtherRule, byTag, fieldsOnly)).apply(plain);
    assertThat(out.output()).isEqualTo(plain.output());
    assertThat(out.outputFields())
        .containsEntry("proc.exepath", "/usr/bin/cat")
        .containsEntry("who", "root on cat");
    assertThat(OutputAppender.none().apply(plain)).isSameAs(plain);
  }
}
