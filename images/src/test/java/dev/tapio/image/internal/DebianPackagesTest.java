package dev.tapio.image.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.image.internal.DebianPackages.Package;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianPackagesTest {

  @Test
  void dependsAreGroupsOfAlternativeNamesWithoutVersionsOrArchitectures() {
    assertThat(
            DebianPackages.parseDepends(
                "libc6 (>= 2.34), libelf1 (>= 0.144), zlib1g:any (>= 1:1.2.3.3) | libz [amd64]"))
        .containsExactly(List.of("libc6"), List.of("libelf1"), List.of("zlib1g", "libz"));
    assertThat(DebianPackages.parseDepends("")).isEmpty();
  }

  @Test
  void controlFieldsKeepContinuationLines() {
    assertThat(
            DebianPackages.controlFields(
                "Package: libbpf1\nVersion: 1:1.1.2-0+deb12u1\nDepends: libc6 (>= 2.34),\n zlib1g\n"))
        .containsEntry("Package", "libbpf1")
        .containsEntry("Version", "1:1.1.2-0+deb12u1")
        .containsEntry("Depends", "libc6 (>= 2.34), zlib1g");
  }

  @Test
  void aDependencyOutsideTheListIsNamed() {
    Path deb = Path.of("x.deb");
    var packages =
        List.of(
            new Package("libbpf1", "1", List.of(List.of("libc6"), List.of("libelf1")), deb),
            new Package("libc6", "2", List.of(List.of("libgcc-s1", "libgcc1")), deb),
            new Package("libgcc-s1", "3", List.of(), deb));
    assertThat(DebianPackages.unmet(packages, "debian-packages.txt"))
        .containsExactly("libbpf1 depends on libelf1, which debian-packages.txt does not list");
  }

  @Test
  void theImagesListIsClosedUnderTheInstalledPackagesDependencies() throws Exception {
    Path list = Path.of(System.getProperty("tapio.image.packages", "debian-packages.txt"));
    List<String> names = DebianPackages.names(list);
    assertThat(names).contains("libbpf1", "libc6").doesNotHaveDuplicates();
    // the packages' dependencies as this machine's dpkg database has them (same distribution)
    List<Package> installed =
        names.stream()
            .map(
                name -> {
                  try {
                    String depends =
                        Commands.run(
                            Path.of("/"),
                            List.of("dpkg-query", "-W", "-f=${Depends}, ${Pre-Depends}", name));
                    return new Package(
                        name,
                        "",
                        DebianPackages.parseDepends(depends.replaceAll(", *$", "")),
                        list);
                  } catch (Exception e) {
                    throw new AssertionError(name + " is not installed here", e);
                  }
                })
            .toList();
    assertThat(DebianPackages.unmet(installed, list.getFileName().toString())).isEmpty();
  }

  @Test
  void theListIgnoresCommentsAndBlankLines(@TempDir Path dir) throws Exception {
    Path list =
        Files.writeString(dir.resolve("p.txt"), "# why\nlibbpf1\n\n  libc6  # the C library\n");
    assertThat(DebianPackages.names(list)).containsExactly("libbpf1", "libc6");
  }
}
