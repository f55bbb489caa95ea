package dev.tapio.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSinkContractTest extends CountedSinkContract {
  @TempDir Path dir;

  @Override
  CountedAlertSink newSink() {
    return JsonLinesSink.file(dir.resolve("alerts.json"), POLICY);
  }

  @Override
  List<Long> received() throws Exception {
    List<Long> seqs = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(dir.resolve("alerts.json"))) {
      seqs.add(json.readTree(line).get("output_fields").get("seq").asLong());
    }
    return seqs;
  }

  @Override
  void stopReceiver() {}
}
