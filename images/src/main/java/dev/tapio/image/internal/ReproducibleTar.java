package dev.tapio.image.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GNU tar with the options that make its output a function of the files alone: names sorted, one
 * modification time, numeric owner 0:0, modes normalised to {@code u+rwX,go=rX}, POSIX format
 * without access or change times, no ACLs, extended attributes or SELinux contexts.
 */
public final class ReproducibleTar {
  private ReproducibleTar() {}

  /** Packs {@code names} (relative to {@code directory}) into {@code tar}. */
  public static void pack(Path directory, List<String> names, Instant time, Path tar)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "tar",
                "--create",
                "--file=" + tar,
                "--directory=" + directory,
                "--sort=name",
                "--format=posix",
                "--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime",
                "--mtime=@" + time.getEpochSecond(),
                "--owner=0",
                "--group=0",
                "--numeric-owner",
                "--mode=u+rwX,go=rX",
                "--no-acls",
                "--no-xattrs",
                "--no-selinux",
                "--"));
    command.addAll(names);
    Commands.run(directory, command);
  }
}
