package dev.tapio.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.alerts.SpoolConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(DiskSpool.Batch batch) {
    return batch.entries().stream()
        .map(e -> new String(e.payload(), StandardCharsets.UTF_8))
        .toList();
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void readsInOrderAcrossSegmentsAndDeletesFinishedOnes(@TempDir Path dir) throws Exception {
    SpoolConfig config = SpoolConfig.at(dir.resolve("spool")).withSegmentBytes(40);
    try (DiskSpool spool = DiskSpool.open(config)) {
      for (int i = 0; i < 10; i++) {
        assertThat(spool.append(bytes("record-" + i), 1000 + i)).isTrue();
      }
      assertThat(spool.records()).isEqualTo(10);
      assertThat(files(dir.resolve("spool"))).hasSize(5);

      DiskSpool.Batch first = spool.peek(3);
      assertThat(texts(first)).containsExactly("record-0", "record-1", "record-2");
      assertThat(first.entries().getFirst().writtenAtMillis()).isEqualTo(1000);
      assertThat(texts(spool.peek(3))).as("peek does not remove").startsWith("record-0");
      spool.commit(first);
      assertThat(spool.records()).isEqualTo(7);
      assertThat(files(dir.resolve("spool"))).hasSize(4);

      DiskSpool.Batch rest = spool.peek(100);
      assertThat(texts(rest))
          .containsExactly(
              "record-3", "record-4", "record-5", "record-6", "record-7", "record-8", "record-9");
      spool.commit(rest);
      assertThat(spool.isEmpty()).isTrue();
      assertThat(files(dir.resolve("spool"))).isEmpty();
      assertThat(spool.append(bytes("again"), 1)).isTrue();
      assertThat(texts(spool.peek(5))).containsExactly("again");
    }
  }

  @Test
  void refusesRecordsBeyondItsSizeLimit(@TempDir Path dir) throws Exception {
    SpoolConfig config = SpoolConfig.at(dir).withMaxBytes(100);
    try (DiskSpool spool = DiskSpool.open(config)) {
      int accepted = 0;
      for (int i = 0; i < 10; i++) {
        if (spool.append(bytes("0123456789"), 0)) {
          accepted++;
        }
      }
      assertThat(accepted).isEqualTo(3); // 26 bytes each with the header
      assertThat(spool.diskBytes()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void recoversAfterARestartAndCutsOffATornRecord(@TempDir Path dir) throws Exception {
    SpoolConfig config = SpoolConfig.at(dir);
    try (DiskSpool spool = DiskSpool.open(config)) {
      spool.append(bytes("one"), 1);
      spool.append(bytes("two"), 2);
    }
    Path file = files(dir).getFirst();
    Files.write(file, new byte[] {0, 0, 0, 50, 1, 2}, StandardOpenOption.APPEND); // torn write
    try (DiskSpool spool = DiskSpool.open(config)) {
      assertThat(spool.records()).isEqualTo(2);
      assertThat(texts(spool.peek(10))).containsExactly("one", "two");
      spool.append(bytes("three"), 3);
      assertThat(texts(spool.peek(10))).containsExactly("one", "two", "three");
    }
  }

  @Test
  void damagedRecordIsSkippedAndCounted(@TempDir Path dir) throws Exception {
    SpoolConfig config = SpoolConfig.at(dir);
    try (DiskSpool spool = DiskSpool.open(config)) {
      spool.append(bytes("good"), 1);
      spool.append(bytes("flip"), 2);
      spool.append(bytes("last"), 3);
    }
    Path file = files(dir).getFirst();
    byte[] content = Files.readAllBytes(file);
    int second = DiskSpool.HEADER_BYTES + 4;
    content[second + DiskSpool.HEADER_BYTES] ^= 0x20; // one bit of "flip"
    Files.write(file, content);
    try (DiskSpool spool = DiskSpool.open(config)) {
      DiskSpool.Batch batch = spool.peek(10);
      assertThat(texts(batch)).containsExactly("good", "last");
      assertThat(batch.corrupt()).isEqualTo(1);
      spool.commit(batch);
      assertThat(spool.isEmpty()).isTrue();
    }
  }
}
