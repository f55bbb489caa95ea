package dev.tapio.recording;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.context.PolicyVerdict;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.CgroupCreated;
import dev.tapio.api.event.CredentialChange;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileChange;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.IpText;
import dev.tapio.api.event.LsmDenial;
import dev.tapio.api.event.NamespaceChange;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.NetworkFlow;
import dev.tapio.api.event.OpenFd;
import dev.tapio.api.event.OpenFlags;
import dev.tapio.api.event.PacketDrop;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.event.ProcessFork;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.api.event.SyscallEvent;
import dev.tapio.api.event.TcpTraffic;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes an {@link EnrichedEvent} as a tree that {@link EventReader} reads back to an equal event:
 * the format of {@code tapio record} files, one tree per line.
 */
public final class EventWriter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private EventWriter() {}

  public static ObjectNode write(EnrichedEvent e) {
    ObjectNode out = JSON.objectNode();
    EventHeader h = e.event().header();
    out.put("type", e.type());
    out.put("time", Times.format(h.timeNanos()));
    out.put("tid", h.tid());
    out.put("cgroup_id", h.cgroupId());
    out.set("namespaces", namespaces(h.namespaces()));
    payload(e, out);
    out.set("process", process(e.process()));
    ArrayNode ancestors = out.putArray("ancestors");
    e.lineage().chain().stream().skip(1).forEach(p -> ancestors.add(process(p)));
    out.set("user", user(e.user()));
    if (!e.container().isHost()) {
      out.set("container", container(e.container()));
    }
    if (e.pod() != null) {
      out.set("pod", pod(e.pod()));
    }
    out.put("hostname", e.hostname());
    PolicyVerdict netpol = e.netpol();
    if (netpol != null) {
      ObjectNode node = out.putObject("netpol");
      node.put("verdict", netpol.verdict().label()).put("reason", netpol.reason().label());
      ArrayNode policies = node.putArray("policies");
      netpol.policies().forEach(policies::add);
    }
    return out;
  }

  private static void payload(EnrichedEvent e, ObjectNode out) {
    switch (e.event()) {
      case ProcessExec x -> {
        out.put("filename", x.filename());
        for (int fd = 0; fd < x.stdio().size(); fd++) {
          putStdio(out, STREAMS.get(fd), x.stdio().get(fd));
        }
      }
      case ProcessFork x -> {
        out.put("child_pid", x.childPid());
        out.put("child_tid", x.childTid());
        out.put("clone_flags", x.cloneFlags());
      }
      case ProcessExit x -> {
        out.put("exit_code", x.exitCode());
        out.put("signal", x.signal());
        out.put("group_leader", x.groupLeader());
      }
      case FileOpen x -> {
        out.put("path", x.path());
        out.put("raw_path", x.rawPath());
        out.put("flags", OpenFlags.render(x.flags()));
        out.put("mode", x.mode());
        out.put("result", x.result());
      }
      case FileChange x -> {
        out.put("path", x.path());
        putIfSet(out, "target", x.target());
        out.put("mode", x.mode());
        out.put("result", x.result());
      }
      case NetworkEvent x -> {
        out.put("family", x.family());
        out.put("protocol", x.protocol());
        out.put("fd", x.fd());
        putAddress(out, "local", x.local());
        putAddress(out, "remote", x.remote());
        out.put("result", x.result());
        out.put("netns", x.netns());
        if (x.newFd() >= 0) {
          out.put("newfd", x.newFd());
        }
        if (x.durationNanos() != 0) {
          out.put("duration", x.durationNanos());
        }
        TcpTraffic traffic = x.traffic();
        if (traffic != null) {
          out.putObject("traffic")
              .put("outbound", traffic.outbound())
              .put("bytes_out", traffic.bytesOut())
              .put("bytes_in", traffic.bytesIn())
              .put("packets_out", traffic.packetsOut())
              .put("packets_in", traffic.packetsIn())
              .put("retransmits", traffic.retransmits());
        }
        PacketDrop drop = x.drop();
        if (drop != null) {
          out.putObject("drop")
              .put("reason", drop.reason())
              .put("code", drop.code())
              .put("outbound", drop.outbound());
        }
      }
      case NamespaceChange x -> {
        out.put("flags", x.flags());
        putIfSet(out, "path", x.path());
        putIfSet(out, "source", x.source());
        out.set("before", namespaces(x.before()));
        out.set("after", namespaces(x.after()));
        out.set("host", namespaces(x.host()));
        out.put("result", x.result());
      }
      case CredentialChange x -> {
        ObjectNode args = out.putObject("args");
        x.args().forEach(args::put);
        out.set("before", credentials(x.before()));
        out.set("after", credentials(x.after()));
        out.put("result", x.result());
      }
      case SeccompViolation x -> {
        out.put("syscall_nr", x.syscallNr());
        out.put("syscall", x.syscall());
        out.put("action", x.action().name());
        out.put("errno", x.errno());
        out.put("source", x.source().name());
      }
      case LsmDenial x -> {
        out.put("lsm", x.lsm());
        out.put("operation", x.operation());
        putIfSet(out, "path", x.path());
        putAddress(out, "address", x.address());
        out.put("target", x.target());
        out.put("errno", x.errno());
        out.put("source", x.source().name());
      }
      case NetworkFlow x -> {
        out.put("protocol", x.protocol());
        putAddress(out, "source", x.source());
        putAddress(out, "destination", x.destination());
        out.put("bytes_out", x.bytesOut());
        out.put("bytes_in", x.bytesIn());
        out.put("packets_out", x.packetsOut());
        out.put("packets_in", x.packetsIn());
        out.put("verdict", x.verdict());
        putIfSet(out, "policy", x.policy());
      }
      case CgroupCreated x -> {
        out.put("created", x.cgroupId());
        out.put("path", x.path());
      }
      case SyscallEvent x -> {
        ObjectNode args = out.putObject("args");
        x.args().forEach(args::put);
        out.put("result", x.result());
      }
    }
  }

  private static ObjectNode process(ProcessInfo p) {
    ObjectNode out = JSON.objectNode();
    out.put("pid", p.pid());
    out.put("vpid", p.vpid());
    out.put("ppid", p.ppid());
    out.put("name", p.name());
    out.put("exe", p.exe());
    out.put("exepath", p.exePath());
    ArrayNode args = out.putArray("args");
    p.args().forEach(args::add);
    out.put("cwd", p.cwd());
    out.put("sid", p.sessionId());
    out.put("pgid", p.pgid());
    out.put("tty", p.tty());
    Credentials c = p.credentials();
    out.put("uid", c.uid());
    out.put("gid", c.gid());
    out.put("euid", c.euid());
    out.put("egid", c.egid());
    out.put("loginuid", c.loginUid());
    out.put("cap_effective", c.capEffective());
    out.put("cap_permitted", c.capPermitted());
    out.put("cap_inheritable", c.capInheritable());
    out.put("start_time", p.startTimeNanos());
    out.put("exe_from_memfd", p.exeFromMemfd());
    out.put("exe_upper_layer", p.exeUpperLayer());
    if (!p.env().isEmpty()) {
      ArrayNode env = out.putArray("env");
      p.env().forEach(env::add);
    }
    return out;
  }

  private static ObjectNode credentials(Credentials c) {
    ObjectNode out = JSON.objectNode();
    out.put("uid", c.uid());
    out.put("gid", c.gid());
    out.put("euid", c.euid());
    out.put("egid", c.egid());
    out.put("cap_effective", c.capEffective());
    out.put("cap_permitted", c.capPermitted());
    return out;
  }

  private static ObjectNode user(UserInfo u) {
    ObjectNode out = JSON.objectNode();
    out.put("uid", u.uid());
    out.put("name", u.name());
    out.put("home", u.homeDir());
    out.put("shell", u.shell());
    out.put("loginuid", u.loginUid());
    out.put("loginname", u.loginName());
    out.put("gid", u.gid());
    out.put("group", u.groupName());
    return out;
  }

  private static ObjectNode container(ContainerInfo c) {
    ObjectNode out = JSON.objectNode();
    out.put("id", c.id());
    out.put("name", c.name());
    out.put("image", c.image());
    out.put("image_repository", c.imageRepository());
    out.put("image_tag", c.imageTag());
    out.put("image_digest", c.imageDigest());
    out.put("runtime", c.runtime());
    out.put("privileged", c.privileged());
    ArrayNode mounts = out.putArray("mounts");
    for (ContainerInfo.Mount m : c.mounts()) {
      mounts
          .addObject()
          .put("source", m.source())
          .put("destination", m.destination())
          .put("rw", m.readWrite())
          .put("propagation", m.propagation());
    }
    putMap(out, "labels", c.labels());
    out.put("start_time", c.startTimeNanos());
    return out;
  }

  private static ObjectNode pod(PodInfo p) {
    ObjectNode out = JSON.objectNode();
    out.put("name", p.name());
    out.put("uid", p.uid());
    out.put("namespace", p.namespace());
    putMap(out, "labels", p.labels());
    putMap(out, "annotations", p.annotations());
    putMap(out, "namespace_labels", p.namespaceLabels());
    ArrayNode owners = out.putArray("owners");
    for (PodInfo.Owner o : p.owners()) {
      owners.addObject().put("kind", o.kind()).put("name", o.name()).put("uid", o.uid());
    }
    out.put("node", p.nodeName());
    putIfSet(out, "ip", p.ip());
    return out;
  }

  private static ObjectNode namespaces(Namespaces n) {
    return JSON.objectNode()
        .put("mnt", n.mnt())
        .put("pid", n.pid())
        .put("net", n.net())
        .put("uts", n.uts())
        .put("ipc", n.ipc())
        .put("user", n.user())
        .put("cgroup", n.cgroup());
  }

  private static final java.util.List<String> STREAMS =
      java.util.List.of("stdin", "stdout", "stderr");

  private static void putStdio(ObjectNode out, String key, OpenFd fd) {
    ObjectNode node = out.putObject(key);
    node.put("type", fd.type());
    if (fd.protocol() != 0) {
      node.put("protocol", fd.protocol());
    }
    putAddress(node, "local", fd.local());
    putAddress(node, "remote", fd.remote());
  }

  private static void putAddress(ObjectNode out, String key, @Nullable SocketAddress a) {
    if (a == null) {
      return;
    }
    ObjectNode node = out.putObject(key);
    if (a.unixPath() != null) {
      node.put("path", a.unixPath());
    } else if (a.address() != null) {
      node.put("ip", IpText.of(a.address()));
      node.put("port", a.port());
    }
  }

  private static void putMap(ObjectNode out, String key, Map<String, String> map) {
    ObjectNode node = out.putObject(key);
    map.forEach(node::put);
  }

  private static void putIfSet(ObjectNode out, String key, @Nullable String value) {
    if (value != null) {
      out.put(key, value);
    }
  }
}
