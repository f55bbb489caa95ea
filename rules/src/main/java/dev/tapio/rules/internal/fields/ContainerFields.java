package dev.tapio.rules.internal.fields;

import static dev.tapio.rules.internal.fields.FieldType.BOOL;
import static dev.tapio.rules.internal.fields.FieldType.NUMBER;
import static dev.tapio.rules.internal.fields.FieldType.STRING;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PodInfo;
import dev.tapio.rules.internal.match.Glob;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@code container.*} and {@code k8s.*}. */
final class ContainerFields {

  private ContainerFields() {}

  private static final java.util.function.Function<dev.tapio.api.context.ContainerInfo, String>
      SHORT_ID = new LastValue<>(dev.tapio.api.context.ContainerInfo::shortId);

  static void register(List<FieldDef> out) {
    out.add(
        FieldDef.simple(
            "container.id",
            STRING,
            "the container id cut to 12 characters, or host",
            e -> SHORT_ID.apply(e.container())));
    out.add(
        FieldDef.simple(
            "container.full_id",
            STRING,
            "the full container id, or host",
            e -> e.container().id()));
    out.add(
        FieldDef.simple(
            "container.name", STRING, "the container's name", e -> e.container().name()));
    out.add(
        FieldDef.simple(
            "container.image",
            STRING,
            "the image reference as the container was created from it",
            e -> e.container().image()));
    out.add(
        FieldDef.simple(
            "container.image.repository",
            STRING,
            "the image repository",
            e -> e.container().imageRepository()));
    out.add(
        FieldDef.simple(
            "container.image.tag", STRING, "the image tag", e -> e.container().imageTag()));
    out.add(
        FieldDef.simple(
            "container.image.digest",
            STRING,
            "the image digest",
            e -> e.container().imageDigest()));
    out.add(
        FieldDef.simple(
            "container.type",
            STRING,
            "the container runtime (containerd, cri-o, docker), or host",
            e -> e.container().isHost() ? "host" : e.container().runtime()));
    out.add(
        FieldDef.simple(
            "container.privileged",
            BOOL,
            "whether the container runs privileged",
            e -> e.container().isHost() ? null : e.container().privileged()));
    out.add(
        FieldDef.simple(
            "container.start_ts",
            NUMBER,
            "when the container started, epoch nanoseconds",
            e -> e.container().startTimeNanos() == 0 ? null : e.container().startTimeNanos()));
    out.add(
        FieldDef.simple(
            "container.mounts",
            STRING,
            "mounts as source:dest:mode:rdonly:propagation, comma separated",
            e -> {
              StringJoiner j = new StringJoiner(",");
              for (ContainerInfo.Mount m : e.container().mounts()) {
                j.add(
                    m.source()
                        + ":"
                        + m.destination()
                        + "::"
                        + !m.readWrite()
                        + ":"
                        + m.propagation());
              }
              return j.toString();
            }));
    mount(out, "container.mount.dest", ContainerInfo.Mount::destination);
    mount(out, "container.mount.source", ContainerInfo.Mount::source);
    mount(out, "container.mount.propagation", ContainerInfo.Mount::propagation);
    mount(out, "container.mount.rdonly", m -> Boolean.toString(!m.readWrite()));
    out.add(
        new FieldDef(
            "container.label",
            STRING,
            FieldDef.Arg.REQUIRED_KEY,
            "a container label by key",
            (e, arg) -> arg == null ? null : e.container().labels().get(arg)));

    pod(out, "k8s.pod.name", "the pod's name", PodInfo::name);
    pod(out, "k8s.pod.id", "the pod's uid", PodInfo::uid);
    pod(out, "k8s.pod.uid", "the pod's uid", PodInfo::uid);
    pod(out, "k8s.pod.ip", "the pod's IP address", PodInfo::ip);
    pod(out, "k8s.ns.name", "the pod's namespace", PodInfo::namespace);
    pod(out, "k8s.node.name", "the name of the pod's node", PodInfo::nodeName);
    pod(out, "k8s.pod.labels", "pod labels as key:value, comma separated", p -> labels(p.labels()));
    pod(out, "k8s.rs.name", "the ReplicaSet owning the pod", p -> p.ownerName("ReplicaSet"));
    pod(
        out,
        "k8s.deployment.name",
        "the Deployment owning the pod (through its ReplicaSet)",
        p -> p.ownerName("Deployment"));
    pod(
        out,
        "k8s.statefulset.name",
        "the StatefulSet owning the pod",
        p -> p.ownerName("StatefulSet"));
    pod(out, "k8s.daemonset.name", "the DaemonSet owning the pod", p -> p.ownerName("DaemonSet"));
    pod(out, "k8s.job.name", "the Job owning the pod", p -> p.ownerName("Job"));
    pod(
        out,
        "k8s.cronjob.name",
        "the CronJob owning the pod (through its Job)",
        p -> p.ownerName("CronJob"));
    podMap(out, "k8s.pod.label", "a pod label by key", PodInfo::labels);
    podMap(out, "k8s.pod.annotation", "a pod annotation by key", PodInfo::annotations);
    podMap(out, "k8s.ns.label", "a label of the pod's namespace, by key", PodInfo::namespaceLabels);
  }

  private static void pod(
      List<FieldDef> out, String name, String what, Function<PodInfo, @Nullable String> get) {
    out.add(
        FieldDef.simple(
            name,
            STRING,
            what,
            e -> {
              PodInfo p = e.pod();
              return p == null ? null : get.apply(p);
            }));
  }

  private static void podMap(
      List<FieldDef> out, String name, String what, Function<PodInfo, Map<String, String>> get) {
    out.add(
        new FieldDef(
            name,
            STRING,
            FieldDef.Arg.REQUIRED_KEY,
            what,
            (e, arg) -> {
              PodInfo p = e.pod();
              return p == null || arg == null ? null : get.apply(p).get(arg);
            }));
  }

  private static String labels(Map<String, String> labels) {
    StringJoiner j = new StringJoiner(", ");
    labels.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(l -> j.add(l.getKey() + ":" + l.getValue()));
    return j.toString();
  }

  /**
   * {@code container.mount.X[N]} by index, or {@code container.mount.X[/path]}: the mount whose
   * source matches the (glob) path.
   */
  private static void mount(
      List<FieldDef> out, String name, Function<ContainerInfo.Mount, String> get) {
    out.add(
        new FieldDef(
            name,
            STRING,
            FieldDef.Arg.REQUIRED_KEY,
            "a mount's value, by mount index or by source path (glob)",
            (e, arg) -> {
              ContainerInfo.Mount m = findMount(e, arg);
              return m == null ? null : get.apply(m);
            }));
  }

  private static ContainerInfo.@Nullable Mount findMount(EnrichedEvent e, @Nullable String arg) {
    if (arg == null || arg.isEmpty()) {
      return null;
    }
    List<ContainerInfo.Mount> mounts = e.container().mounts();
    if (arg.chars().allMatch(Character::isDigit)) {
      int i = Integer.parseInt(arg);
      return i < mounts.size() ? mounts.get(i) : null;
    }
    for (ContainerInfo.Mount m : mounts) {
      if (Glob.matches(arg, m.source(), false)) {
        return m;
      }
    }
    return null;
  }
}
