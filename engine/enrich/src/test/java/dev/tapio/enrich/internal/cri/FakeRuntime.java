package dev.tapio.enrich.internal.cri;

import dev.tapio.enrich.internal.cri.v1.ContainerMetadata;
import dev.tapio.enrich.internal.cri.v1.ContainerStatus;
import dev.tapio.enrich.internal.cri.v1.ContainerStatusRequest;
import dev.tapio.enrich.internal.cri.v1.ContainerStatusResponse;
import dev.tapio.enrich.internal.cri.v1.ImageSpec;
import dev.tapio.enrich.internal.cri.v1.Mount;
import dev.tapio.enrich.internal.cri.v1.MountPropagation;
import dev.tapio.enrich.internal.cri.v1.PodSandboxMetadata;
import dev.tapio.enrich.internal.cri.v1.PodSandboxStatus;
import dev.tapio.enrich.internal.cri.v1.PodSandboxStatusRequest;
import dev.tapio.enrich.internal.cri.v1.PodSandboxStatusResponse;
import dev.tapio.enrich.internal.cri.v1.RuntimeServiceGrpc;
import dev.tapio.enrich.internal.cri.v1.VersionRequest;
import dev.tapio.enrich.internal.cri.v1.VersionResponse;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A CRI runtime that answers from maps, served on a unix socket like a real one. */
final class FakeRuntime extends RuntimeServiceGrpc.RuntimeServiceImplBase implements AutoCloseable {
  static final String SANDBOX = "5a".repeat(32);

  final Map<String, ContainerStatusResponse> containers = new ConcurrentHashMap<>();
  final AtomicInteger statusCalls = new AtomicInteger();
  volatile CountDownLatch gate = new CountDownLatch(0);
  private final Path socket;
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
  private Server server;

  FakeRuntime(Path socket) throws IOException {
    this.socket = socket;
    start();
  }

  void start() throws IOException {
    Files.deleteIfExists(socket);
    server =
        NettyServerBuilder.forAddress(new DomainSocketAddress(socket.toString()))
            .bossEventLoopGroup(group)
            .workerEventLoopGroup(group)
            .channelType(EpollServerDomainSocketChannel.class)
            .addService(this)
            .build()
            .start();
  }

  void stop() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  static ContainerStatusResponse nginx(String id) {
    return ContainerStatusResponse.newBuilder()
        .setStatus(
            ContainerStatus.newBuilder()
                .setId(id)
                .setMetadata(ContainerMetadata.newBuilder().setName("web"))
                .setImage(ImageSpec.newBuilder().setImage("docker.io/library/nginx:1.27"))
                .setImageRef("docker.io/library/nginx@sha256:feed")
                .setCreatedAt(1_700_000_000_000_000_000L)
                .putLabels("io.kubernetes.pod.name", "web-0")
                .putLabels("io.kubernetes.pod.namespace", "shop")
                .putLabels("io.kubernetes.container.name", "web")
                .addMounts(
                    Mount.newBuilder()
                        .setHostPath("/var/lib/kubelet/pods/x/volumes/data")
                        .setContainerPath("/data")
                        .setReadonly(true)
                        .setPropagation(MountPropagation.PROPAGATION_HOST_TO_CONTAINER)))
        .putInfo(
            "info",
            """
            {"sandboxID":"%s","pid":4242,"config":{"linux":{"security_context":{"privileged":true}}}}
            """
                .formatted(SANDBOX))
        .build();
  }

  @Override
  public void version(VersionRequest request, StreamObserver<VersionResponse> response) {
    response.onNext(
        VersionResponse.newBuilder()
            .setVersion("0.1.0")
            .setRuntimeName("containerd")
            .setRuntimeVersion("1.6.20")
            .setRuntimeApiVersion("v1")
            .build());
    response.onCompleted();
  }

  @Override
  public void containerStatus(
      ContainerStatusRequest request, StreamObserver<ContainerStatusResponse> response) {
    statusCalls.incrementAndGet();
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ContainerStatusResponse found = containers.get(request.getContainerId());
    if (found == null) {
      response.onError(Status.NOT_FOUND.withDescription("no such container").asRuntimeException());
      return;
    }
    response.onNext(found);
    response.onCompleted();
  }

  @Override
  public void podSandboxStatus(
      PodSandboxStatusRequest request, StreamObserver<PodSandboxStatusResponse> response) {
    if (!request.getPodSandboxId().equals(SANDBOX)) {
      response.onError(Status.NOT_FOUND.asRuntimeException());
      return;
    }
    response.onNext(
        PodSandboxStatusResponse.newBuilder()
            .setStatus(
                PodSandboxStatus.newBuilder()
                    .setId(SANDBOX)
                    .setMetadata(
                        PodSandboxMetadata.newBuilder()
                            .setName("web-0")
                            .setNamespace("shop")
                            .setUid("pod-uid-1"))
                    .putLabels("app", "web")
                    .putLabels("io.kubernetes.pod.name", "web-0")
                    .putAnnotations("team", "payments"))
            .build());
    response.onCompleted();
  }

  @Override
  public void close() {
    gate.countDown();
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    var _ = group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
