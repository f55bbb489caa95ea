package dev.tapio.alerts.internal;

import dev.tapio.alerts.SpoolConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * A bounded first-in first-out queue of byte records on disk: numbered segment files of {@code
 * [length][written-at millis][crc32c][payload]} records. Records are read with {@link #peek} and
 * removed with {@link #commit} once delivered, so a crash between the two replays them (at least
 * once). A segment file is deleted as soon as all its records are committed. Files are created with
 * mode 0600 in a directory of mode 0700. Used by one thread; {@link #records()} may be read by any.
 */
@SuppressWarnings("NonAtomicVolatileUpdate") // one writer thread; others only read the count
public final class DiskSpool implements AutoCloseable {

  /** One record read back. */
  @SuppressWarnings("ArrayRecordComponent") // read once, never compared
  public record Entry(byte[] payload, long writtenAtMillis) {}

  /** What {@link #peek} read: the records, how many damaged records were skipped, and the end. */
  public record Batch(List<Entry> entries, int corrupt, int segmentsDone, long endOffset) {
    public boolean isEmpty() {
      return entries.isEmpty() && corrupt == 0 && segmentsDone == 0;
    }
  }

  static final int HEADER_BYTES = 16;
  private static final String SUFFIX = ".spool";

  private final SpoolConfig config;
  private final ArrayDeque<Segment> segments = new ArrayDeque<>();
  private long readOffset;
  private long diskBytes;
  private volatile long records;
  private long nextSeq = 1;
  private @Nullable FileChannel tail;

  private static final class Segment {
    final Path path;
    long size;
    long records;
    long consumed;

    Segment(Path path) {
      this.path = path;
    }
  }

  private DiskSpool(SpoolConfig config) {
    this.config = config;
  }

  /** Opens the spool, creating its directory, and finds the records a previous run left. */
  public static DiskSpool open(SpoolConfig config) throws IOException {
    DiskSpool spool = new DiskSpool(config);
    spool.recover();
    return spool;
  }

  private void recover() throws IOException {
    Path dir = config.directory();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    List<Path> files;
    try (var stream = Files.list(dir)) {
      files = stream.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
    for (Path file : files) {
      Segment segment = new Segment(file);
      scan(segment);
      if (segment.records == 0) {
        Files.deleteIfExists(file);
        continue;
      }
      segments.add(segment);
      diskBytes += segment.size;
      records += segment.records;
      nextSeq = Math.max(nextSeq, sequenceOf(file) + 1);
    }
  }

  /** Counts the valid records of a segment and cuts off a record torn by a crash. */
  private static void scan(Segment segment) throws IOException {
    try (FileChannel channel =
        FileChannel.open(segment.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      long offset = 0;
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      while (offset + HEADER_BYTES <= size) {
        header.clear();
        channel.read(header, offset);
        int length = header.getInt(0);
        if (length < 0 || offset + HEADER_BYTES + length > size) {
          break;
        }
        offset += HEADER_BYTES + length;
        segment.records++;
      }
      if (offset < size) {
        channel.truncate(offset);
      }
      segment.size = offset;
    }
  }

  private static long sequenceOf(Path file) {
    String name = file.getFileName().toString();
    try {
      return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** How long a record may wait before it is dropped as expired. */
  public long maxAgeMillis() {
    return config.maxAge().toMillis();
  }

  /** Records waiting. */
  public long records() {
    return records;
  }

  public boolean isEmpty() {
    return records == 0;
  }

  /** Bytes the spool's files take on disk. */
  public long diskBytes() {
    return diskBytes;
  }

  /**
   * Appends one record.
   *
   * @return false when the record would take the spool past its size limit (nothing is written)
   */
  public boolean append(byte[] payload, long nowMillis) throws IOException {
    long recordBytes = HEADER_BYTES + (long) payload.length;
    if (diskBytes + recordBytes > config.maxBytes()) {
      return false;
    }
    Segment segment = segments.peekLast();
    if (tail == null || segment == null || segment.size >= config.segmentBytes()) {
      segment = roll();
    }
    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    buffer.putInt(payload.length).putLong(nowMillis).putInt((int) crc.getValue()).put(payload);
    buffer.flip();
    FileChannel channel = java.util.Objects.requireNonNull(tail);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    segment.size += recordBytes;
    segment.records++;
    diskBytes += recordBytes;
    records++;
    return true;
  }

  private Segment roll() throws IOException {
    closeTail();
    Path path = config.directory().resolve(String.format("%020d%s", nextSeq++, SUFFIX));
    Files.createFile(
        path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    tail = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    Segment segment = new Segment(path);
    segments.addLast(segment);
    return segment;
  }

  /** Reads up to {@code max} records from the head without removing them. */
  public Batch peek(int max) throws IOException {
    List<Entry> entries = new ArrayList<>();
    int corrupt = 0;
    int segmentsDone = 0;
    long offset = readOffset;
    for (Segment segment : segments) {
      if (entries.size() >= max) {
        break;
      }
      try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.READ)) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        while (entries.size() < max && offset + HEADER_BYTES <= segment.size) {
          header.clear();
          readFully(channel, header, offset);
          int length = header.getInt(0);
          long writtenAt = header.getLong(4);
          int expectedCrc = header.getInt(12);
          if (length < 0 || offset + HEADER_BYTES + length > segment.size) {
            corrupt++;
            offset = segment.size;
            break;
          }
          ByteBuffer payload = ByteBuffer.allocate(length);
          readFully(channel, payload, offset + HEADER_BYTES);
          offset += HEADER_BYTES + length;
          CRC32C crc = new CRC32C();
          crc.update(payload.array());
          if ((int) crc.getValue() != expectedCrc) {
            corrupt++;
            continue;
          }
          entries.add(new Entry(payload.array(), writtenAt));
        }
      }
      if (offset >= segment.size && segment != segments.peekLast()) {
        segmentsDone++;
        offset = 0;
      } else {
        break;
      }
    }
    return new Batch(List.copyOf(entries), corrupt, segmentsDone, offset);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("spool file ended early: " + channel);
      }
      at += read;
    }
  }

  /** Removes what {@code batch} read; deletes the segment files it finished. */
  public void commit(Batch batch) throws IOException {
    long taken = (long) batch.entries().size() + batch.corrupt();
    for (int i = 0; i < batch.segmentsDone(); i++) {
      Segment done = segments.removeFirst();
      long left = done.records - done.consumed;
      records -= left;
      taken -= left;
      diskBytes -= done.size;
      Files.deleteIfExists(done.path);
    }
    readOffset = batch.endOffset();
    Segment head = segments.peekFirst();
    if (head != null && taken > 0) {
      long used = Math.min(taken, head.records - head.consumed);
      head.consumed += used;
      records -= used;
    }
    if (head != null && head.consumed >= head.records && readOffset >= head.size) {
      // Everything written so far is delivered: start over with an empty spool.
      closeTail();
      segments.removeFirst();
      diskBytes -= head.size;
      records -= head.records - head.consumed;
      Files.deleteIfExists(head.path);
      readOffset = 0;
    }
  }

  private void closeTail() throws IOException {
    FileChannel channel = tail;
    tail = null;
    if (channel != null) {
      channel.close();
    }
  }

  @Override
  public void close() {
    try {
      closeTail();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
