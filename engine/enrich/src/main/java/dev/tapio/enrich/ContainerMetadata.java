package dev.tapio.enrich;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.PodInfo;
import org.jspecify.annotations.Nullable;

/**
 * What a container runtime knows about one container.
 *
 * @param container the container's details
 * @param pod the pod as the runtime knows it from its sandbox (name, uid, namespace, labels), or
 *     null when the container is not part of a pod; Kubernetes metadata, when available, replaces
 *     it with the full picture
 * @param pid the host pid of the container's first process, 0 when unknown
 */
public record ContainerMetadata(ContainerInfo container, @Nullable PodInfo pod, int pid) {}
