package dev.tapio.app.cli;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.app.netpol.Observation;
import dev.tapio.app.netpol.Observations;
import dev.tapio.app.netpol.PolicySuggester;
import dev.tapio.enrich.netpol.ClusterServices;
import dev.tapio.recording.Recording;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tapio netpol}: NetworkPolicies from what Tapio observed. */
@Command(
    name = "netpol",
    description = "NetworkPolicies from what Tapio observed.",
    subcommands = {NetpolCommand.Suggest.class, CommandLine.HelpCommand.class})
public final class NetpolCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code tapio netpol suggest --from FILE}: least-privilege policies as YAML. */
  @Command(
      name = "suggest",
      description = {
        "Print NetworkPolicy YAML that allows exactly the connections of a recording (from 'tapio"
            + " record'): one policy per workload, isolating it for ingress and egress, with the"
            + " peers and ports it was seen using.",
        "Exit status 0 when policies were printed, 1 when the recording has no pod's"
            + " connection, 2 when an input is broken."
      })
  public static final class Suggest implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--from",
        paramLabel = "FILE",
        required = true,
        description = "The recording ('tapio record --output FILE').")
    Path from = Path.of("events.jsonl");

    @Option(
        names = "--cluster",
        paramLabel = "FILE",
        description =
            "The cluster's pods, Services and EndpointSlices, to tell peers' addresses apart when"
                + " their pods ran on other nodes and to take a connection to a Service's"
                + " ClusterIP as one to its pods ('kubectl get pods,services,endpointslices -A -o"
                + " yaml'). Without it, an address no recorded pod had, a ClusterIP included, is"
                + " allowed as an ipBlock of that address.")
    @Nullable Path cluster;

    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NAMESPACE",
        description = "Only the policies of this namespace's workloads.")
    @Nullable String namespace;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<EnrichedEvent> events;
      List<HasMetadata> objects;
      try {
        events = Recording.read(from);
        objects = cluster == null ? List.of() : objects(cluster);
      } catch (IOException | RuntimeException e) {
        err.println("tapio netpol suggest: " + e.getMessage());
        err.flush();
        return 2;
      }
      List<Pod> pods = ofKind(objects, Pod.class);
      ClusterServices services =
          ClusterServices.of(
              ofKind(objects, Service.class), ofKind(objects, EndpointSlice.class), pods);
      Set<Observation> observed = Observations.of(events, pods, services);
      List<NetworkPolicy> policies =
          PolicySuggester.suggest(observed).stream()
              .filter(p -> namespace == null || namespace.equals(p.getMetadata().getNamespace()))
              .toList();
      out.print(yaml(policies));
      out.flush();
      err.printf(
          "%d distinct connections observed in %d events: %d policies%n",
          observed.size(), events.size(), policies.size());
      err.flush();
      return policies.isEmpty() ? 1 : 0;
    }

    private static List<HasMetadata> objects(Path file) throws IOException {
      Object read = new KubernetesSerialization().unmarshal(Files.readString(file));
      return switch (read) {
        case KubernetesList list -> list.getItems();
        case HasMetadata one -> List.of(one);
        default -> List.of();
      };
    }

    private static <T> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
      List<T> out = new ArrayList<>();
      for (HasMetadata item : objects) {
        if (kind.isInstance(item)) {
          out.add(kind.cast(item));
        }
      }
      return out;
    }
  }

  /** Policies as one YAML stream, a document each. */
  public static String yaml(List<NetworkPolicy> policies) {
    KubernetesSerialization serialization = new KubernetesSerialization();
    StringBuilder out = new StringBuilder();
    for (NetworkPolicy policy : policies) {
      String doc = serialization.asYaml(policy);
      out.append(doc.startsWith("---") ? doc : "---\n" + doc);
      if (!doc.endsWith("\n")) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
