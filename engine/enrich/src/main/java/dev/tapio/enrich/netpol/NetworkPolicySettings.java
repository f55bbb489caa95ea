package dev.tapio.enrich.netpol;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Kubernetes-fed policy view watches the cluster. Build with {@link #builder()}; every
 * setter checks its value.
 */
public final class NetworkPolicySettings {
  /** No resync, rebuilds coalesced over 100 ms. */
  public static final NetworkPolicySettings DEFAULT = builder().build();

  private final Duration resync;
  private final Duration rebuildDelay;

  private NetworkPolicySettings(Builder builder) {
    this.resync = builder.resync;
    this.rebuildDelay = builder.rebuildDelay;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How often the informers replay their caches; zero never. */
  public Duration resync() {
    return resync;
  }

  /**
   * How long after a change of a pod, namespace or policy the view is rebuilt, so a burst of
   * changes (a rollout, the first lists) costs one rebuild. Evaluations meanwhile see the previous
   * view.
   */
  public Duration rebuildDelay() {
    return rebuildDelay;
  }

  /** Builder of {@link NetworkPolicySettings}. */
  public static final class Builder {
    private Duration resync = Duration.ZERO;
    private Duration rebuildDelay = Duration.ofMillis(100);

    private Builder() {}

    public Builder resync(Duration resync) {
      Objects.requireNonNull(resync, "resync");
      if (resync.isNegative()) {
        throw new IllegalArgumentException("resync must not be negative, was " + resync);
      }
      this.resync = resync;
      return this;
    }

    public Builder rebuildDelay(Duration rebuildDelay) {
      Objects.requireNonNull(rebuildDelay, "rebuildDelay");
      if (rebuildDelay.isNegative() || rebuildDelay.compareTo(Duration.ofSeconds(10)) > 0) {
        throw new IllegalArgumentException(
            "rebuildDelay must be within 0..10s, was " + rebuildDelay);
      }
      this.rebuildDelay = rebuildDelay;
      return this;
    }

    public NetworkPolicySettings build() {
      return new NetworkPolicySettings(this);
    }
  }
}
