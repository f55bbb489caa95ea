package dev.tapio.recording;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.ImageReference;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.context.PolicyVerdict;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads the actor of an event: process and ancestors, user, container, pod. */
final class ContextReader {
  static final int DEFAULT_PID = 4242;
  static final Set<String> PROCESS_KEYS =
      Set.of(
          "pid",
          "vpid",
          "ppid",
          "name",
          "exe",
          "exepath",
          "args",
          "cmdline",
          "cwd",
          "sid",
          "pgid",
          "tty",
          "uid",
          "gid",
          "euid",
          "egid",
          "loginuid",
          "cap_effective",
          "cap_permitted",
          "cap_inheritable",
          "start_time",
          "exe_from_memfd",
          "exe_upper_layer",
          "env");
  private static final Set<String> USER_KEYS =
      Set.of("uid", "name", "home", "shell", "loginuid", "loginname", "gid", "group");
  private static final Set<String> CONTAINER_KEYS =
      Set.of(
          "id",
          "name",
          "image",
          "image_repository",
          "image_tag",
          "image_digest",
          "runtime",
          "privileged",
          "mounts",
          "labels",
          "start_time");
  private static final Set<String> MOUNT_KEYS =
      Set.of("source", "destination", "rw", "propagation");
  private static final Set<String> POD_KEYS =
      Set.of(
          "name",
          "uid",
          "namespace",
          "labels",
          "annotations",
          "namespace_labels",
          "owners",
          "node",
          "ip");
  private static final Set<String> OWNER_KEYS = Set.of("kind", "name", "uid");

  private ContextReader() {}

  /**
   * The process (from {@code process}) and its ancestors (from {@code ancestors}, parent first).
   */
  static Lineage lineage(Tree event, long timeNanos) {
    List<Tree> ancestors = event.list("ancestors", t -> t);
    int pid = event.get("process").integer("pid", DEFAULT_PID);
    List<ProcessInfo> chain = new ArrayList<>();
    chain.add(process(event.get("process"), pid, pid - 1, timeNanos));
    for (int i = 0; i < ancestors.size(); i++) {
      ProcessInfo child = chain.getLast();
      int parentOfThis = i + 1 < ancestors.size() ? child.ppid() - 1 : 1;
      chain.add(process(ancestors.get(i), child.ppid(), parentOfThis, timeNanos));
    }
    return new Lineage(chain);
  }

  static ProcessInfo process(Tree t, int defaultPid, int defaultPpid, long timeNanos) {
    if (t.missing()) {
      return process(new Tree(EMPTY, t.path()), defaultPid, defaultPpid, timeNanos);
    }
    t.onlyKeys(PROCESS_KEYS);
    List<String> words = t.has("cmdline") ? split(t.text("cmdline", "")) : List.of();
    String exe = t.text("exe", words.isEmpty() ? "" : words.getFirst());
    String exePath = t.text("exepath", exe.startsWith("/") ? exe : "");
    // proc.name is the kernel's command name: what exec named the task, cut to 15 characters
    String name = t.text("name", ProcessInfo.commOf(!exe.isEmpty() ? exe : exePath));
    if (name.isEmpty()) {
      name = "test-process";
    }
    if (exe.isEmpty()) {
      exe = exePath.isEmpty() ? name : basename(exePath);
    }
    if (exePath.isEmpty()) {
      exePath = "/usr/bin/" + basename(exe);
    }
    List<String> args = t.has("args") ? t.texts("args") : words.stream().skip(1).toList();
    int pid = t.integer("pid", defaultPid);
    int uid = t.integer("uid", 0);
    int gid = t.integer("gid", 0);
    long allCaps = uid == 0 ? Credentials.root().capEffective() : 0;
    var credentials =
        new Credentials(
            uid,
            gid,
            t.integer("euid", uid),
            t.integer("egid", gid),
            t.integer("loginuid", Credentials.NO_LOGIN_UID),
            t.number("cap_effective", allCaps),
            t.number("cap_permitted", allCaps),
            t.number("cap_inheritable", 0));
    return new ProcessInfo(
        pid,
        t.integer("vpid", pid),
        t.integer("ppid", defaultPpid),
        name,
        exe,
        exePath,
        args,
        t.text("cwd", "/"),
        t.integer("sid", pid),
        t.integer("pgid", pid),
        t.integer("tty", 0),
        credentials,
        Times.read(t, "start_time", timeNanos),
        t.bool("exe_from_memfd", false),
        t.bool("exe_upper_layer", false),
        t.has("env") ? t.texts("env") : List.of());
  }

  static UserInfo user(Tree t, ProcessInfo process) {
    Credentials c = process.credentials();
    if (t.missing()) {
      return new UserInfo(
          c.uid(),
          knownName(c.uid()),
          knownHome(c.uid()),
          null,
          c.loginUid(),
          knownName(c.loginUid()),
          c.gid(),
          knownName(c.gid()));
    }
    t.onlyKeys(USER_KEYS);
    int uid = t.integer("uid", c.uid());
    int gid = t.integer("gid", c.gid());
    int loginUid = t.integer("loginuid", c.loginUid());
    return new UserInfo(
        uid,
        nameOr(t, "name", knownName(uid)),
        nameOr(t, "home", knownHome(uid)),
        nameOr(t, "shell", null),
        loginUid,
        nameOr(t, "loginname", knownName(loginUid)),
        gid,
        nameOr(t, "group", knownName(gid)));
  }

  /** An explicit null stays null (a recorded "unknown"); an absent key takes the default. */
  private static @Nullable String nameOr(Tree t, String key, @Nullable String fallback) {
    return t.node().has(key) ? t.textOrNull(key) : fallback;
  }

  static ContainerInfo container(Tree t) {
    if (t.missing()) {
      return ContainerInfo.HOST;
    }
    t.onlyKeys(CONTAINER_KEYS);
    String id = t.text("id", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    String image = t.text("image", "");
    ImageReference ref = ImageReference.parse(image);
    return new ContainerInfo(
        id,
        t.text("name", id.equals(ContainerInfo.HOST_ID) ? "host" : "test-container"),
        image,
        t.text("image_repository", ref.repository()),
        t.text("image_tag", ref.tag()),
        t.text("image_digest", ref.digest()),
        t.text("runtime", id.equals(ContainerInfo.HOST_ID) ? "" : "containerd"),
        t.bool("privileged", false),
        t.list(
            "mounts",
            m -> {
              m.onlyKeys(MOUNT_KEYS);
              return new ContainerInfo.Mount(
                  m.text("source", ""),
                  m.text("destination", ""),
                  m.bool("rw", true),
                  m.text("propagation", "rprivate"));
            }),
        t.textMap("labels"),
        Times.read(t, "start_time", 0));
  }

  static @Nullable PodInfo pod(Tree t) {
    if (t.missing()) {
      return null;
    }
    t.onlyKeys(POD_KEYS);
    return new PodInfo(
        t.text("name", "test-pod"),
        t.text("uid", "00000000-0000-0000-0000-000000000000"),
        t.text("namespace", "default"),
        t.textMap("labels"),
        t.textMap("annotations"),
        t.textMap("namespace_labels"),
        t.list(
            "owners",
            o -> {
              o.onlyKeys(OWNER_KEYS);
              return new PodInfo.Owner(o.text("kind", ""), o.text("name", ""), o.text("uid", ""));
            }),
        t.text("node", "test-node"),
        t.textOrNull("ip"));
  }

  /**
   * {@code netpol: {reason: egress-denied, policies: [shop/deny-all]}}: the NetworkPolicy verdict
   * on the event's connection. The reason decides the verdict; a {@code verdict} given beside it
   * must agree.
   */
  static @Nullable PolicyVerdict netpol(Tree t) {
    if (t.missing()) {
      return null;
    }
    t.onlyKeys(NETPOL_KEYS);
    PolicyVerdict.Reason reason;
    try {
      reason = PolicyVerdict.Reason.ofLabel(t.text("reason", ""));
    } catch (IllegalArgumentException e) {
      throw t.get("reason")
          .error(
              "expected a NetworkPolicy reason: "
                  + Arrays.stream(PolicyVerdict.Reason.values())
                      .map(PolicyVerdict.Reason::label)
                      .toList());
    }
    String verdict = t.text("verdict", reason.verdict().label());
    if (!verdict.equals(reason.verdict().label())) {
      throw t.get("verdict")
          .error("reason " + reason.label() + " gives verdict " + reason.verdict().label());
    }
    return PolicyVerdict.of(reason, t.texts("policies"));
  }

  private static final java.util.Set<String> NETPOL_KEYS =
      java.util.Set.of("verdict", "reason", "policies");

  static String basename(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  private static List<String> split(String cmdline) {
    String trimmed = cmdline.trim();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
  }

  private static @Nullable String knownName(int id) {
    return id == 0 ? "root" : null;
  }

  private static @Nullable String knownHome(int uid) {
    return uid == 0 ? "/root" : null;
  }

  private static final com.fasterxml.jackson.databind.node.ObjectNode EMPTY =
      com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
}
