package dev.tapio.enrich.internal.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CgroupPathsTest {
  static final String ID = "3f2b9c1d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c";
  static final String UID = "6d2ab5c3-1f0e-4c1a-9b8d-2e7f6a5b4c3d";
  static final String UID_ = UID.replace('-', '_');

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # path shape                                                                                               | runtime    | pod uid
          /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod$UID_.slice/cri-containerd-$ID.scope         | containerd | $UID
          /kubepods.slice/kubepods-pod$UID_.slice/cri-containerd-$ID.scope                                             | containerd | $UID
          /kubepods/besteffort/pod$UID/$ID                                                                             |            | $UID
          /kubepods/pod$UID/$ID                                                                                        |            | $UID
          /kubepods/burstable/pod$UID/$ID/init                                                                         |            | $UID
          /k8s.io/$ID                                                                                                  |            |
          /default/$ID                                                                                                 |            |
          /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod$UID_.slice/crio-$ID.scope                    | cri-o      | $UID
          /kubepods/besteffort/pod$UID/crio-$ID                                                                        | cri-o      | $UID
          /system.slice/docker-$ID.scope                                                                               | docker     |
          /docker/$ID                                                                                                  | docker     |
          /machine.slice/libpod-$ID.scope                                                                              | podman     |
          /user.slice/user-1000.slice/user@1000.service/user.slice/libpod-$ID.scope                                    | podman     |
          /libpod_parent/libpod-$ID                                                                                    | podman     |
          /system.slice/docker\\x2d$ID.scope                                                                            | docker     |
          /../../kubepods/besteffort/pod$UID/$ID                                                                       |            | $UID
          cpu,cpuacct:/docker/$ID                                                                                      | docker     |
          """)
  void findsTheContainerInEveryShape(String path, String runtime, String podUid) {
    ContainerRef ref = CgroupPaths.parse(expand(path));

    assertThat(ref.id()).isEqualTo(ID);
    assertThat(ref.runtime()).isEqualTo(runtime == null ? "" : runtime);
    assertThat(ref.podUid()).isEqualTo(podUid == null ? "" : expand(podUid));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "",
        "/init.scope",
        "/system.slice/ssh.service",
        "/system.slice/containerd.service",
        "/user.slice/user-1000.slice/session-3.scope",
        "/kubepods/besteffort/pod$UID",
        "/kubepods.slice/kubepods-besteffort.slice",
        "/system.slice/crio-conmon-$ID.scope",
        "/machine.slice/libpod-conmon-$ID.scope",
        "/docker/$IDshort",
        "/docker/3F2B9C1D8E7A6B5C4D3E2F1A0B9C8D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C"
      })
  void everythingElseIsTheHost(String path) {
    assertThat(CgroupPaths.parse(expand(path))).isEqualTo(ContainerRef.HOST);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          docker\\x2dabc.scope | docker-abc.scope
          plain                | plain
          bad\\xZZ             | bad\\xZZ
          trailing\\x2         | trailing\\x2
          """)
  void unescapesSystemdNames(String escaped, String plain) {
    assertThat(CgroupPaths.unescape(escaped.replace("\\\\", "\\")))
        .isEqualTo(plain.replace("\\\\", "\\"));
  }

  private static String expand(String template) {
    return template
        .replace("$IDshort", ID.substring(0, 12))
        .replace("$ID", ID)
        .replace("$UID_", UID_)
        .replace("$UID", UID)
        .replace("\\\\", "\\");
  }
}
