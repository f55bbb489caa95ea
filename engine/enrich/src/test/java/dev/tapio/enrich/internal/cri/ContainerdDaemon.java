package dev.tapio.enrich.internal.cri;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A private containerd started for one test: its own config, root, state and socket, started as a
 * child process and stopped by its pid.
 */
final class ContainerdDaemon implements AutoCloseable {
  static final String SANDBOX_IMAGE = "registry.k8s.io/pause:3.6";

  final Path dir;
  final Path socket;
  private final Process process;

  private ContainerdDaemon(Path dir, Path socket, Process process) {
    this.dir = dir;
    this.socket = socket;
    this.process = process;
  }

  /**
   * Writes the config (from {@code containerd config default}), starts the daemon, waits for it.
   */
  static ContainerdDaemon start(Path dir) throws IOException, InterruptedException {
    Path socket = dir.resolve("containerd.sock");
    String config = OciImages.run(dir, "containerd", "config", "default");
    config =
        config
            .replace("root = \"/var/lib/containerd\"", "root = \"" + dir.resolve("root") + "\"")
            .replace("state = \"/run/containerd\"", "state = \"" + dir.resolve("state") + "\"")
            .replace(
                "address = \"/run/containerd/containerd.sock\"", "address = \"" + socket + "\"")
            .replace("restrict_oom_score_adj = false", "restrict_oom_score_adj = true")
            .replace("bin_dir = \"/opt/cni/bin\"", "bin_dir = \"/usr/lib/cni\"")
            .replace("conf_dir = \"/etc/cni/net.d\"", "conf_dir = \"" + dir.resolve("cni") + "\"")
            .replace(
                "            Root = \"\"", "            Root = \"" + dir.resolve("runc") + "\"");
    Files.createDirectories(dir.resolve("cni"));
    Path file = dir.resolve("config.toml");
    Files.writeString(file, config);
    Process process =
        new ProcessBuilder("containerd", "--config", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("containerd.log").toFile())
            .start();
    ContainerdDaemon daemon = new ContainerdDaemon(dir, socket, process);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(socket)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        daemon.close();
        throw new IOException(
            "containerd did not start: " + Files.readString(dir.resolve("containerd.log")));
      }
      Thread.sleep(20);
    }
    return daemon;
  }

  long pid() {
    return process.pid();
  }

  void importImage(Path archive) throws IOException, InterruptedException {
    OciImages.run(
        dir,
        "ctr",
        "--address",
        socket.toString(),
        "-n",
        "k8s.io",
        "images",
        "import",
        archive.toString());
  }

  String log() throws IOException {
    return Files.readString(dir.resolve("containerd.log"));
  }

  /** Stops the daemon by its pid: SIGTERM, then SIGKILL when it does not go within 10 seconds. */
  @Override
  public void close() {
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }
}
