package dev.tapio.alerts;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Realistic alerts for the sink tests: a shell in a pod, a connect from the host. */
public final class TestAlerts {
  public static final long TIME_NANOS =
      1_795_684_443_123_456_789L; // 2026-11-26T09:14:03.123456789Z
  public static final String CONTAINER_ID =
      "3f9d2c1b0a4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c";

  private TestAlerts() {}

  public static ProcessInfo bash() {
    return new ProcessInfo(
        4242,
        17,
        4200,
        "bash",
        "/bin/bash",
        "/usr/bin/bash",
        List.of("-c", "id"),
        "/root",
        4200,
        4242,
        34816,
        Credentials.root(),
        TIME_NANOS - 1_000_000,
        false,
        false);
  }

  public static ContainerInfo container() {
    return new ContainerInfo(
        CONTAINER_ID,
        "web",
        "docker.io/library/nginx:1.27",
        "docker.io/library/nginx",
        "1.27",
        "sha256:abc",
        "containerd",
        false,
        List.of(),
        Map.of(),
        0);
  }

  public static PodInfo pod() {
    return new PodInfo(
        "web-7d9c5b6f4-x2x9z",
        "9f1c0c6e-0000-4000-8000-000000000001",
        "shop",
        Map.of("app", "web"),
        Map.of(),
        Map.of(),
        List.of(
            new PodInfo.Owner("ReplicaSet", "web-7d9c5b6f4", "rs-uid"),
            new PodInfo.Owner("Deployment", "web", "deploy-uid")),
        "node-1",
        "10.0.0.7");
  }

  public static EnrichedEvent shellInPod() {
    Event exec =
        new ProcessExec(
            new EventHeader(TIME_NANOS, 4242, 4242, 77, Namespaces.UNKNOWN),
            "execve",
            "/bin/bash",
            "/usr/bin/bash",
            List.of("bash", "-c", "id"),
            "/root",
            "bash",
            4200,
            4200,
            4242,
            34816,
            Credentials.root(),
            false,
            false);
    return new EnrichedEvent(
        exec,
        Lineage.of(bash()),
        new UserInfo(0, "root", "/root", "/bin/bash", -1, null, 0, "root"),
        container(),
        pod(),
        "node-1");
  }

  public static EnrichedEvent connectFromHost() {
    try {
      Event connect =
          new NetworkEvent(
              new EventHeader(TIME_NANOS, 4242, 4242, 1, Namespaces.UNKNOWN),
              "connect",
              2,
              6,
              3,
              SocketAddress.inet(InetAddress.getByName("192.0.2.1"), 40000),
              SocketAddress.inet(InetAddress.getByName("198.51.100.7"), 4444),
              0);
      return new EnrichedEvent(
          connect,
          Lineage.of(bash()),
          new UserInfo(1000, "alice", null, null, 1000, "alice", 1000, "alice"),
          ContainerInfo.HOST,
          null,
          "node-1");
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  public static Map<String, @Nullable Object> shellFields() {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("proc.name", "bash");
    fields.put("proc.pid", 4242L);
    fields.put("proc.cmdline", "bash -c id");
    fields.put("container.id", "3f9d2c1b0a4e");
    fields.put("k8s.ns.name", "shop");
    fields.put("proc.tty", 34816);
    fields.put("evt.is_open_write", false);
    fields.put("fd.name", null);
    return fields;
  }

  public static Alert shellAlert(String id) {
    return new Alert(
        id,
        "Terminal shell in container",
        Priority.WARNING,
        "A shell was spawned in a container (user=root shell=bash container=web)",
        shellFields(),
        Set.of("shell", "container", "mitre_execution", "T1059"),
        "syscall",
        TIME_NANOS,
        shellInPod());
  }

  /** The n-th alert of a stream from one source, numbered in its output and id. */
  public static Alert numbered(String source, int n) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("seq", (long) n);
    return new Alert(
        source + "-" + n,
        "Numbered",
        Priority.NOTICE,
        "alert " + n,
        fields,
        Set.of(),
        source,
        TIME_NANOS + n,
        connectFromHost());
  }
}
