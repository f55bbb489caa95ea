package dev.tapio.enrich.internal.proc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {
  @TempDir Path etc;
  final AtomicLong clock = new AtomicLong();

  @Test
  void resolvesEffectiveIdsAndTheLoginUser() throws IOException {
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/bash\n# comment\nalice:x:1000:1000:Alice:/home/alice:/bin/zsh\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\nstaff:x:50:alice\n");
    UserDirectory users = new UserDirectory(etc, clock::get);

    UserInfo user = users.resolve(new Credentials(1000, 1000, 0, 50, 1000, 0, 0, 0));

    assertThat(user)
        .isEqualTo(new UserInfo(0, "root", "/root", "/bin/bash", 1000, "alice", 50, "staff"));
  }

  @Test
  void unknownIdsHaveNoNames() {
    UserInfo user =
        new UserDirectory(etc, clock::get).resolve(new Credentials(7, 7, 7, 7, -1, 0, 0, 0));
    assertThat(user).isEqualTo(new UserInfo(7, null, null, null, -1, null, 7, null));
  }

  @Test
  void rereadsTheFilesWhenTheyChange() throws IOException {
    Path passwd = etc.resolve("passwd");
    Files.writeString(passwd, "bob:x:1001:1001::/home/bob:/bin/sh\n");
    UserDirectory users = new UserDirectory(etc, clock::get);
    long before = users.version();

    Files.writeString(passwd, "robert:x:1001:1001::/home/bob:/bin/sh\n");
    Files.setLastModifiedTime(passwd, FileTime.from(Instant.now().plusSeconds(10)));
    clock.addAndGet(6_000_000_000L);

    assertThat(users.version()).isGreaterThan(before);
    assertThat(users.resolve(new Credentials(1001, 1001, 1001, 1001, -1, 0, 0, 0)).name())
        .isEqualTo("robert");
  }
}
