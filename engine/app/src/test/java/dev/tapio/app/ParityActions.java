package dev.tapio.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The event generator's host actions, re-enacted: what each one does at the syscall level (read
 * from the generator's {@code events/syscall} sources), done by the parity helper, a symlink named
 * as the program a rule looks for, or a common tool. Every file made outside the test's directory
 * carries a unique name and is removed right after its action.
 */
final class ParityActions {
  private static final String TRUE = "/bin/true";
  private final Path dir;
  private final Path helper;
  private final String tag = "tapio-parity-" + UUID.randomUUID().toString().substring(0, 8);

  ParityActions(Path dir, Path helper) {
    this.dir = dir;
    this.helper = helper;
  }

  /** Performs every action of {@link ParityTable#ROWS} in {@code cgroup}, one after another. */
  void runAll(TestCgroup cgroup) throws Exception {
    // programs named as the rules expect: servers and tools run through symlinks
    for (String server : List.of("httpd", "mysqld", "vipw")) {
      Files.createSymbolicLink(dir.resolve(server), helper);
    }
    for (String tool : List.of("nmap", "curl", "crontab", "pkexec", "sudoedit")) {
      Files.createSymbolicLink(dir.resolve(tool), Path.of(TRUE));
    }
    // a server that reads a sensitive file once it is no longer new (> 5 s): started first
    Process trusted = start(cgroup, Map.of(), h("httpd"), "sleep-read", "6", "/etc/shadow");
    for (ParityTable.Row row : ParityTable.ROWS) {
      if (!row.action().equals("ReadSensitiveFileTrustedAfterStartup")) {
        perform(cgroup, row.action());
      }
    }
    trusted.waitFor();
  }

  private void perform(TestCgroup c, String action) throws Exception {
    switch (action) {
      case "ClearLogActivities" -> run(c, h(), "write", d("syslog"));
      case "CreateHardlinkOverSensitiveFiles" -> {
        run(c, "ln", "-v", "/etc/shadow", d("shadow_link"));
        run(c, h(), "read", d("shadow_link"));
      }
      case "CreateSymlinkOverSensitiveFiles" -> {
        run(c, "ln", "-s", "/etc", d("etc_link"));
        run(c, "ls", d("etc_link") + "/");
      }
      case "DirectoryTraversalMonitoredFileRead" ->
          run(c, h(), "read", "/etc/../etc/../etc/shadow");
      case "ExecutionFromDevShm" -> {
        Path script = Path.of("/dev/shm", tag + ".sh");
        try {
          Files.writeString(script, "#!/bin/sh\n\necho 'hello world'\n");
          Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
          run(c, "sh", "-c", script.toString());
        } finally {
          Files.deleteIfExists(script);
        }
      }
      case "FilelessExecutionViaMemfdCreate" -> run(c, h(), "memfd", TRUE);
      case "FindAwsCredentials" ->
          run(c, "find", dir.toString(), "-maxdepth", "1", "-iname", ".aws/credentials");
      case "PtraceAntiDebugAttempt" -> run(c, h(), "traceme", "/bin/sleep");
      case "PtraceAttachedToProcess" -> run(c, h(), "attach");
      case "ReadSensitiveFileUntrusted" -> run(c, h(), "read", "/etc/shadow");
      case "RemoveBulkDataFromDisk" -> {
        run(c, h(), "write", d("bulk"));
        run(c, "shred", "-u", d("bulk"));
      }
      case "RunShellUntrusted" -> run(c, h("httpd"), "spawn", "/bin/sh", "-c", "ls > /dev/null");
      case "SearchPrivateKeysOrPasswords" ->
          run(c, "find", dir.toString(), "-maxdepth", "1", "-iname", "id_rsa");
      case "SystemUserInteractive" -> asDaemon(c, "/bin/login");
      case "AddingSshKeysToAuthorizedKeys" -> inHomeSsh(c, "write", "authorized_keys");
      case "ChangeThreadNamespace" -> run(c, h(), "setns");
      case "CreateFilesBelowDev" -> outside(c, Path.of("/dev", tag), "create");
      case "DbProgramSpawnedProcess" -> run(c, h("mysqld"), "spawn", "/bin/ls");
      case "DeleteOrRenameShellHistory" -> run(c, h(), "create", d("ash_history"));
      case "LaunchSuspiciousNetworkToolOnHost" -> run(c, h("nmap"), "-sn", "172.17.0.1/32");
      case "ModifyShellConfigurationFile" -> run(c, h(), "write", d(".bashrc"));
      case "NonSudoSetuid" -> run(c, h(), "setuid");
      case "PotentialLocalPrivilegeEscalationViaEnvironmentVariablesMisuse" ->
          run(
              c,
              Map.of("GLIBC_TUNABLES", "glibc.tune.hwcaps=-WAITED,glibc.tune.secrets=2"),
              "sh",
              "-c",
              "id");
      case "ProgramRunWithDisallowedHttpProxyEnv" ->
          run(
              c,
              Map.of("HTTP_PROXY", "http://my.http.proxy.com "),
              h("curl"),
              "http://example.com");
      case "ReadSshInformation" -> inHomeSsh(c, "create", "known_hosts");
      case "ScheduleCronJobs" -> run(c, h("crontab"), "-l");
      case "SetSetuidOrSetgidBit" -> {
        run(c, h(), "create", d("setuid"));
        run(c, "chmod", "u+s", d("setuid"));
      }
      case "UserMgmtBinaries" -> run(c, h("vipw"), "spawn", "/bin/ls");
      case "DetectCryptoMinersUsingTheStratumProtocol" ->
          run(c, "/bin/echo", "-o stratum+tcp", "-u user", "-p pass");
      case "MkdirBinaryDirs" -> {
        Path made = Path.of("/bin", tag);
        try {
          run(c, "mkdir", made.toString());
        } finally {
          Files.deleteIfExists(made);
        }
      }
      case "ModifyBinaryDirs" -> {
        Path from = Files.writeString(Path.of("/bin", tag), "");
        Path to = Path.of("/bin", tag + "-renamed");
        try {
          run(c, "mv", from.toString(), to.toString());
        } finally {
          Files.deleteIfExists(from);
          Files.deleteIfExists(to);
        }
      }
      case "PolkitLocalPrivilegeEscalationVulnerabilityCVE20214034" -> asDaemon(c, h("pkexec"));
      case "SudoPotentialPrivilegeEscalation" ->
          asDaemon(c, h("sudoedit"), "-u", "daemon", "-s", "ls\\");
      case "UnprivilegedDelegationOfPageFaultsHandlingToAUserspaceProcess" ->
          run(c, h(), "userfaultfd");
      case "WriteBelowBinaryDir" -> outside(c, Path.of("/bin", tag), "write");
      case "WriteBelowEtc" -> outside(c, Path.of("/etc", tag), "write");
      case "WriteBelowMonitoredDir" -> outside(c, Path.of("/lib", tag), "write");
      case "WriteBelowRoot" -> outside(c, Path.of("/root", tag), "write");
      case "WriteBelowRpmDatabase" -> {
        Path rpm = Path.of("/var/lib/rpm");
        boolean made = !Files.exists(rpm);
        try {
          Files.createDirectories(rpm);
          outside(c, rpm.resolve(tag), "write");
        } finally {
          if (made) {
            Files.deleteIfExists(rpm);
          }
        }
      }
      default -> throw new IllegalArgumentException("no re-enactment of " + action);
    }
  }

  /** The helper opens {@code path} ({@code write} or {@code create}); the file is removed. */
  private void outside(TestCgroup c, Path path, String how) throws Exception {
    try {
      run(c, h(), how, path.toString());
    } finally {
      Files.deleteIfExists(path);
    }
  }

  /** The helper opens {@code name} in a {@code .ssh} directory of a fresh home below /home. */
  private void inHomeSsh(TestCgroup c, String how, String name) throws Exception {
    Path home = Files.createDirectories(Path.of("/home", tag));
    try {
      Path ssh = Files.createDirectory(home.resolve(".ssh"));
      run(c, h(), how, ssh.resolve(name).toString());
    } finally {
      deleteTree(home);
    }
  }

  /** Runs {@code command} as the system user daemon (uid and gid 1), as the generator does. */
  private void asDaemon(TestCgroup c, String... command) throws Exception {
    List<String> all =
        new ArrayList<>(List.of("setpriv", "--reuid=1", "--regid=1", "--clear-groups"));
    all.addAll(List.of(command));
    run(c, all.toArray(String[]::new));
  }

  private String h() {
    return helper.toString();
  }

  private String h(String name) {
    return dir.resolve(name).toString();
  }

  private String d(String name) {
    return dir.resolve(name).toString();
  }

  private void run(TestCgroup c, String... command) throws Exception {
    run(c, Map.of(), command);
  }

  /** Runs {@code command} to its end in the cgroup; its exit status does not matter. */
  private void run(TestCgroup c, Map<String, String> env, String... command) throws Exception {
    Process p = start(c, env, command);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = p.waitFor();
    if (status != 0) {
      System.err.println("parity: " + String.join(" ", command) + " exited " + status + ": " + out);
    }
  }

  private Process start(TestCgroup c, Map<String, String> env, String... command)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(c.wrap(command)).redirectErrorStream(true);
    pb.environment().putAll(env);
    return pb.start();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
