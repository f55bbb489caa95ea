package dev.tapio.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A privileged test class that the kernel matrix's guests leave out, and why: what it proves does
 * not depend on the kernel, or it needs a host service a guest does not have (containerd, real
 * minutes of outage). Every other privileged class carries {@code @Tag("kernel")} and runs in every
 * guest ({@code kernels/guest}); {@link KernelTagsTest} holds each class to one of the two.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HostOnly {
  /** Why the guests leave this class out. */
  String value();
}
