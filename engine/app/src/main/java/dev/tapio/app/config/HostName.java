package dev.tapio.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name: the kernel's (what {@code hostname} prints), else "localhost". */
final class HostName {
  private HostName() {}

  static String local() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException e) {
      // not Linux, or /proc not mounted: ask the resolver
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
