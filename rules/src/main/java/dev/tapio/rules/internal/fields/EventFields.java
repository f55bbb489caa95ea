package dev.tapio.rules.internal.fields;

import static dev.tapio.rules.internal.fields.FieldType.BOOL;
import static dev.tapio.rules.internal.fields.FieldType.BYTES;
import static dev.tapio.rules.internal.fields.FieldType.NUMBER;
import static dev.tapio.rules.internal.fields.FieldType.STRING;

import dev.tapio.api.event.FileOpen;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@code evt.*}: the event itself. */
final class EventFields {

  private EventFields() {}

  static void register(List<FieldDef> out) {
    out.add(
        FieldDef.simple(
            "evt.type",
            STRING,
            "the event type: the syscall or kernel event name (openat, execve, procexit)",
            e -> e.type()));
    out.add(
        FieldDef.simple(
            "evt.source", STRING, "the event source: syscall", e -> e.event().ruleSource()));
    out.add(
        FieldDef.simple(
            "evt.hostname",
            STRING,
            "the name of the host (node) where the event happened",
            e -> e.hostname()));
    out.add(
        FieldDef.simple(
            "evt.time",
            NUMBER,
            "the event time, epoch nanoseconds",
            e -> e.event().header().timeNanos()));
    out.add(
        FieldDef.simple(
            "evt.rawtime",
            NUMBER,
            "the event time, epoch nanoseconds",
            e -> e.event().header().timeNanos()));
    out.add(
        FieldDef.simple(
            "evt.time.s",
            NUMBER,
            "the event time, epoch seconds",
            e -> e.event().header().timeNanos() / 1_000_000_000L));
    out.add(
        FieldDef.simple(
            "evt.time.iso8601",
            STRING,
            "the event time in ISO 8601 (UTC)",
            e -> {
              long t = e.event().header().timeNanos();
              return Instant.ofEpochSecond(
                      Math.floorDiv(t, 1_000_000_000L), Math.floorMod(t, 1_000_000_000L))
                  .toString();
            }));
    out.add(
        FieldDef.notExtracted(
            "evt.num", NUMBER, "event number: not counted by Tapio, never extracted"));
    out.add(FieldDef.simple("evt.dir", STRING, "deprecated: always <", e -> "<"));
    for (String l : List.of("evt.latency", "evt.latency.s", "evt.latency.ns", "evt.wait_latency")) {
      out.add(FieldDef.simple(l, NUMBER, "deprecated: always 0", e -> 0L));
    }
    out.add(FieldDef.simple("evt.latency.human", STRING, "deprecated", e -> "0ns"));
    out.add(
        FieldDef.notExtracted("evt.buffer", BYTES, "I/O buffer: not collected, never extracted"));
    out.add(
        FieldDef.simple(
            "evt.rawres", NUMBER, "the call's return value", e -> EventArgs.result(e.event())));
    out.add(
        FieldDef.simple(
            "evt.res",
            STRING,
            "SUCCESS, or the error's errno name (ENOENT)",
            e -> {
              Long r = EventArgs.result(e.event());
              return r == null ? null : KernelNames.result(r);
            }));
    out.add(
        FieldDef.simple(
            "evt.failed",
            BOOL,
            "whether the call returned an error",
            e -> {
              Long r = EventArgs.result(e.event());
              return r == null ? null : r < 0;
            }));
    out.add(
        FieldDef.simple(
            "evt.args",
            STRING,
            "all parameters as name=value, space separated",
            e -> {
              StringJoiner j = new StringJoiner(" ");
              for (Map.Entry<String, String> a : EventArgs.of(e.event()).entrySet()) {
                j.add(a.getKey() + "=" + a.getValue());
              }
              return j.toString();
            }));
    out.add(
        new FieldDef(
            "evt.arg",
            STRING,
            FieldDef.Arg.REQUIRED_INDEX,
            "a parameter by position or name",
            (e, arg) -> {
              Map<String, String> args = EventArgs.of(e.event());
              if (arg != null && arg.chars().allMatch(Character::isDigit)) {
                int i = Integer.parseInt(arg);
                return i < args.size() ? List.copyOf(args.values()).get(i) : null;
              }
              return arg == null ? null : args.get(arg);
            }));
    out.add(
        FieldDef.simple(
            "evt.is_open_read",
            BOOL,
            "an open for reading",
            e -> e.event() instanceof FileOpen o ? (o.flags() & 3) != 1 : null));
    out.add(
        FieldDef.simple(
            "evt.is_open_write",
            BOOL,
            "an open for writing",
            e -> e.event() instanceof FileOpen o ? (o.flags() & 3) != 0 : null));
    out.add(
        FieldDef.simple(
            "evt.is_open_exec",
            BOOL,
            "an open creating an executable file",
            e ->
                e.event() instanceof FileOpen o
                    ? (o.flags() & 0100) != 0 && (o.mode() & 0111) != 0
                    : null));
  }
}
