package dev.tapio.enrich.internal.cgroup;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a container id out of a cgroup path, for cgroup v1 and v2 and both cgroup drivers.
 *
 * <p>The shapes, innermost component first:
 *
 * <ul>
 *   <li>containerd: {@code .../cri-containerd-<id>.scope} (systemd driver), {@code
 *       /kubepods/<qos>/pod<uid>/<id>} (cgroupfs driver), {@code /<namespace>/<id>} ({@code ctr})
 *   <li>CRI-O: {@code .../crio-<id>.scope}, {@code .../crio-<id>}; {@code crio-conmon-<id>} is the
 *       monitor on the host
 *   <li>Docker: {@code /system.slice/docker-<id>.scope}, {@code /docker/<id>}
 *   <li>podman: {@code .../libpod-<id>.scope}, {@code /libpod_parent/libpod-<id>}; {@code
 *       libpod-conmon-<id>} is the monitor on the host
 * </ul>
 *
 * Components are unescaped as systemd escapes unit names ({@code \x2d} is {@code -}). A pod uid is
 * read from {@code pod<uid>} (cgroupfs) or {@code kubepods-<qos>-pod<uid>.slice} (systemd, where
 * the uid's dashes are underscores). Everything else, such as {@code /system.slice/ssh.service}, is
 * the host.
 */
public final class CgroupPaths {
  private static final int ID_LENGTH = 64;

  private record Shape(String prefix, String suffix, String runtime) {}

  /** Prefixed shapes, most specific first; a monitor ({@code conmon}) shape maps to the host. */
  private static final List<Shape> SHAPES =
      List.of(
          new Shape("cri-containerd-", ".scope", "containerd"),
          new Shape("crio-conmon-", ".scope", ""),
          new Shape("crio-conmon-", "", ""),
          new Shape("crio-", ".scope", "cri-o"),
          new Shape("crio-", "", "cri-o"),
          new Shape("docker-", ".scope", "docker"),
          new Shape("libpod-conmon-", ".scope", ""),
          new Shape("libpod-conmon-", "", ""),
          new Shape("libpod-", ".scope", "podman"),
          new Shape("libpod-", "", "podman"));

  private CgroupPaths() {}

  /** The container {@code path} belongs to, or {@link ContainerRef#HOST}. */
  public static ContainerRef parse(String path) {
    String[] components = path.split("/");
    for (int i = 0; i < components.length; i++) {
      components[i] = unescape(components[i]);
    }
    for (int i = components.length - 1; i >= 0; i--) {
      ContainerRef ref = container(components, i);
      if (ref != null) {
        return ref;
      }
    }
    return ContainerRef.HOST;
  }

  private static @Nullable ContainerRef container(String[] components, int index) {
    String component = components[index];
    for (Shape shape : SHAPES) {
      if (component.startsWith(shape.prefix()) && component.endsWith(shape.suffix())) {
        String id =
            component.substring(
                shape.prefix().length(), component.length() - shape.suffix().length());
        if (isId(id)) {
          return shape.runtime().isEmpty() && shape.prefix().contains("conmon")
              ? ContainerRef.HOST
              : new ContainerRef(id, shape.runtime(), podUid(components, index));
        }
      }
    }
    if (isId(component) && index > 0) {
      String parent = components[index - 1];
      String runtime = parent.equals("docker") ? "docker" : "";
      return new ContainerRef(component, runtime, podUid(components, index));
    }
    return null;
  }

  /** The pod uid named by a component above {@code index}, or empty. */
  private static String podUid(String[] components, int index) {
    for (int i = index - 1; i >= 0; i--) {
      String component = components[i];
      if (component.startsWith("pod") && !component.endsWith(".slice")) {
        return component.substring(3);
      }
      int at = component.lastIndexOf("-pod");
      if (component.startsWith("kubepods") && at >= 0 && component.endsWith(".slice")) {
        return component
            .substring(at + 4, component.length() - ".slice".length())
            .replace('_', '-');
      }
    }
    return "";
  }

  /** Whether {@code text} is a full container id: 64 lowercase hex digits. */
  public static boolean isId(String text) {
    if (text.length() != ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < ID_LENGTH; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** Undoes systemd's unit name escaping: {@code \xHH} becomes the byte it names. */
  static String unescape(String component) {
    if (component.indexOf('\\') < 0) {
      return component;
    }
    StringBuilder out = new StringBuilder(component.length());
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (c == '\\' && i + 3 < component.length() && component.charAt(i + 1) == 'x') {
        try {
          out.append((char) Integer.parseInt(component.substring(i + 2, i + 4), 16));
          i += 3;
          continue;
        } catch (NumberFormatException e) {
          // not an escape: keep the backslash
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
