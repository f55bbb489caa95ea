package dev.tapio.app.http;

/** What {@code POST /admin/detach} asks the engine: the kill switch. */
@FunctionalInterface
public interface Admin {
  /** Detaches every BPF program; returns the line to answer with. */
  String detach(String reason);

  /** An engine with no kill switch (tests of the other endpoints). */
  static Admin none() {
    return reason -> "no sensors to detach";
  }
}
