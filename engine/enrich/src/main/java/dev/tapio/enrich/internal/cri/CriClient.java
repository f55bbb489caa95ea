package dev.tapio.enrich.internal.cri;

import dev.tapio.enrich.internal.cri.v1.Container;
import dev.tapio.enrich.internal.cri.v1.ContainerConfig;
import dev.tapio.enrich.internal.cri.v1.ContainerFilter;
import dev.tapio.enrich.internal.cri.v1.ContainerStatusRequest;
import dev.tapio.enrich.internal.cri.v1.ContainerStatusResponse;
import dev.tapio.enrich.internal.cri.v1.CreateContainerRequest;
import dev.tapio.enrich.internal.cri.v1.ListContainersRequest;
import dev.tapio.enrich.internal.cri.v1.PodSandboxConfig;
import dev.tapio.enrich.internal.cri.v1.PodSandboxStatusRequest;
import dev.tapio.enrich.internal.cri.v1.PodSandboxStatusResponse;
import dev.tapio.enrich.internal.cri.v1.RemoveContainerRequest;
import dev.tapio.enrich.internal.cri.v1.RemovePodSandboxRequest;
import dev.tapio.enrich.internal.cri.v1.RunPodSandboxRequest;
import dev.tapio.enrich.internal.cri.v1.RuntimeServiceGrpc;
import dev.tapio.enrich.internal.cri.v1.StartContainerRequest;
import dev.tapio.enrich.internal.cri.v1.StopContainerRequest;
import dev.tapio.enrich.internal.cri.v1.StopPodSandboxRequest;
import dev.tapio.enrich.internal.cri.v1.VersionRequest;
import dev.tapio.enrich.internal.cri.v1.VersionResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A blocking client of the CRI {@code runtime.v1.RuntimeService} over a unix socket. Every call has
 * the client's deadline; failures surface as {@link io.grpc.StatusRuntimeException}. Thread-safe.
 * The metadata cache calls it only from its own threads, never from the event path.
 */
public final class CriClient implements AutoCloseable {
  private static final int MAX_MESSAGE_BYTES =
      16 * 1024 * 1024; // verbose status carries the OCI spec

  private final Path socket;
  private final EventLoopGroup loop;
  private final ManagedChannel channel;
  private final RuntimeServiceGrpc.RuntimeServiceBlockingStub stub;
  private final Duration timeout;

  public CriClient(Path socket, Duration timeout) {
    this.socket = socket;
    this.timeout = timeout;
    this.loop =
        new MultiThreadIoEventLoopGroup(
            1,
            Thread.ofPlatform().daemon().name("tapio-cri-io").factory(),
            EpollIoHandler.newFactory());
    this.channel =
        NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
            .eventLoopGroup(loop)
            .channelType(EpollDomainSocketChannel.class)
            .usePlaintext()
            .overrideAuthority("localhost")
            .maxInboundMessageSize(MAX_MESSAGE_BYTES)
            .build();
    this.stub = RuntimeServiceGrpc.newBlockingStub(channel);
  }

  public Path socket() {
    return socket;
  }

  private RuntimeServiceGrpc.RuntimeServiceBlockingStub call() {
    return stub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Makes the next call reconnect at once instead of after the channel's backoff. */
  public void resetBackoff() {
    channel.resetConnectBackoff();
  }

  public VersionResponse version() {
    return call().version(VersionRequest.newBuilder().setVersion("v1").build());
  }

  /** The container's status; {@code verbose} adds the runtime's info map (pid, OCI spec, ...). */
  public ContainerStatusResponse containerStatus(String containerId, boolean verbose) {
    return call()
        .containerStatus(
            ContainerStatusRequest.newBuilder()
                .setContainerId(containerId)
                .setVerbose(verbose)
                .build());
  }

  public PodSandboxStatusResponse podSandboxStatus(String sandboxId, boolean verbose) {
    return call()
        .podSandboxStatus(
            PodSandboxStatusRequest.newBuilder()
                .setPodSandboxId(sandboxId)
                .setVerbose(verbose)
                .build());
  }

  public List<Container> listContainers(ContainerFilter filter) {
    return call()
        .listContainers(ListContainersRequest.newBuilder().setFilter(filter).build())
        .getContainersList();
  }

  /** Starts a pod sandbox; returns its id. */
  public String runPodSandbox(PodSandboxConfig config) {
    return call()
        .runPodSandbox(RunPodSandboxRequest.newBuilder().setConfig(config).build())
        .getPodSandboxId();
  }

  /** Creates a container in a sandbox; returns its id. */
  public String createContainer(
      String sandboxId, ContainerConfig config, PodSandboxConfig sandbox) {
    return call()
        .createContainer(
            CreateContainerRequest.newBuilder()
                .setPodSandboxId(sandboxId)
                .setConfig(config)
                .setSandboxConfig(sandbox)
                .build())
        .getContainerId();
  }

  public void startContainer(String containerId) {
    call().startContainer(StartContainerRequest.newBuilder().setContainerId(containerId).build());
  }

  public void stopContainer(String containerId, long timeoutSeconds) {
    call()
        .stopContainer(
            StopContainerRequest.newBuilder()
                .setContainerId(containerId)
                .setTimeout(timeoutSeconds)
                .build());
  }

  public void removeContainer(String containerId) {
    call().removeContainer(RemoveContainerRequest.newBuilder().setContainerId(containerId).build());
  }

  public void stopPodSandbox(String sandboxId) {
    call().stopPodSandbox(StopPodSandboxRequest.newBuilder().setPodSandboxId(sandboxId).build());
  }

  public void removePodSandbox(String sandboxId) {
    call()
        .removePodSandbox(RemovePodSandboxRequest.newBuilder().setPodSandboxId(sandboxId).build());
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    var _ = loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
