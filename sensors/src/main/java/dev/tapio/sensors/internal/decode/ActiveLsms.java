package dev.tapio.sensors.internal.decode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which LSMs can refuse operations on this host, and which one to blame for a denial the kernel
 * side could not tie to Landlock. {@code /sys/kernel/security/lsm} lists the active modules when
 * securityfs is mounted; without it, AppArmor shows in {@code /sys/module/apparmor/parameters} and
 * SELinux in {@code /sys/fs/selinux}.
 */
public record ActiveLsms(Set<String> names, boolean selinuxEnforcing, Path proc) {

  public ActiveLsms {
    names = Set.copyOf(names);
  }

  /** The host's modules, read once. */
  public static ActiveLsms host() {
    return Host.LSMS;
  }

  private static final class Host {
    static final ActiveLsms LSMS = read(Path.of("/sys"), Path.of("/proc"));
  }

  static ActiveLsms read(Path sys, Path proc) {
    Set<String> names = new LinkedHashSet<>();
    String list = text(sys.resolve("kernel/security/lsm"));
    if (list != null) {
      Arrays.stream(list.split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .forEach(names::add);
    } else {
      if ("y".equalsIgnoreCase(text(sys.resolve("module/apparmor/parameters/enabled")))) {
        names.add("apparmor");
      }
      if (Files.exists(sys.resolve("fs/selinux/enforce"))) {
        names.add("selinux");
      }
    }
    boolean enforcing = "1".equals(text(sys.resolve("fs/selinux/enforce")));
    return new ActiveLsms(names, enforcing, proc);
  }

  /**
   * Whether a denial of a task without a Landlock marker can be an LSM's: AppArmor or an enforcing
   * SELinux is active. Otherwise such a denial is DAC or a capability check, and not reported.
   */
  public boolean blamesUnmarked() {
    return names.contains("apparmor") || (names.contains("selinux") && selinuxEnforcing);
  }

  /**
   * The module to blame for a denial of {@code pid} that carries no Landlock marker: AppArmor when
   * the process runs under an AppArmor profile, SELinux when it enforces, else {@code unknown}.
   */
  public String blame(int pid) {
    if (names.contains("apparmor")) {
      String label = text(proc.resolve(pid + "/attr/apparmor/current"));
      if (label == null) {
        label = text(proc.resolve(pid + "/attr/current"));
      }
      if (label != null && !label.isEmpty() && !label.startsWith("unconfined")) {
        return "apparmor";
      }
    }
    if (names.contains("selinux") && selinuxEnforcing) {
      return "selinux";
    }
    return "unknown";
  }

  private static @Nullable String text(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8).replace("\0", "").trim();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
