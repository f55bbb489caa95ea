package dev.tapio.enrich;

import java.util.Map;

/** Pod metadata from the Kubernetes API, plus what the cluster says about this node. */
public interface KubernetesPodSource extends PodMetadataSource {

  /** The configured cluster name, empty when not set. */
  String clusterName();

  /** This node's name, empty when not configured. */
  String nodeName();

  /** This node's labels as last seen, empty until known. */
  Map<String, String> nodeLabels();

  /**
   * Container details from the pods' statuses (name, image, runtime, privileged), for nodes whose
   * runtime socket cannot be reached; put it after the CRI source in a composite. Closing it does
   * nothing: this source owns the informers.
   */
  ContainerMetadataSource containers();
}
