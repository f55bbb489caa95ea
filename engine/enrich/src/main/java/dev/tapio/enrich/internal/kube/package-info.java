/** Kubernetes pod, namespace, owner and node metadata kept by informers. */
@NullMarked
package dev.tapio.enrich.internal.kube;

import org.jspecify.annotations.NullMarked;
