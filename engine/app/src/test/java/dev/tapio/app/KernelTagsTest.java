package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedElement;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kernel matrix's guests run this module's tests tagged {@code kernel} ({@code kernels/guest}):
 * every privileged class here is either tagged so or marked {@link HostOnly} with a reason, never
 * both and never neither, so a new end-to-end test cannot silently miss the matrix.
 */
class KernelTagsTest {
  static final String KERNEL = "kernel";

  @Test
  void everyPrivilegedClassRunsInTheGuestsOrSaysWhyNot() throws Exception {
    List<String> privileged = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Class<?> c : testClasses()) {
      boolean kernel = tagged(c, KERNEL);
      HostOnly hostOnly = c.getAnnotation(HostOnly.class);
      if (!isPrivileged(c)) {
        if (kernel || hostOnly != null) {
          problems.add(c.getSimpleName() + " is not privileged but is tagged for the matrix");
        }
        continue;
      }
      privileged.add(c.getSimpleName());
      if (kernel == (hostOnly != null)) {
        problems.add(
            c.getSimpleName()
                + (kernel
                    ? " is both @Tag(\"kernel\") and @HostOnly"
                    : " is neither @Tag(\"kernel\") nor @HostOnly"));
      } else if (hostOnly != null && hostOnly.value().isBlank()) {
        problems.add(c.getSimpleName() + " is @HostOnly without a reason");
      }
    }
    assertThat(privileged).contains("SeccompLsmEndToEndTest", "EngineEndToEndTest");
    assertThat(problems).isEmpty();
  }

  @Test
  void theSecurityFileAndExecTestsRunInTheGuests() {
    assertThat(
            Stream.of(
                    SeccompLsmEndToEndTest.class,
                    EscapePrivilegeEndToEndTest.class,
                    EngineEndToEndTest.class,
                    ProcessNamesEndToEndTest.class)
                .filter(c -> !tagged(c, KERNEL)))
        .isEmpty();
  }

  @Test
  void theGuestSelectsTheEndToEndTestsByThisTag() throws Exception {
    Path guest = Path.of("../../kernels/guest");
    assertThat(Files.readString(guest)).contains("--include-tag " + KERNEL);
  }

  private static boolean isPrivileged(Class<?> c) {
    return tagged(c, "privileged")
        || Stream.of(c.getDeclaredMethods()).anyMatch(m -> tagged(m, "privileged"));
  }

  private static boolean tagged(AnnotatedElement e, String tag) {
    return Stream.of(e.getAnnotationsByType(Tag.class)).anyMatch(t -> t.value().equals(tag));
  }

  private static List<Class<?>> testClasses() throws Exception {
    Path root = classesRoot();
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith("Test.class")).sorted().toList()) {
        String name = root.relativize(f).toString().replace('/', '.');
        classes.add(
            Class.forName(
                name.substring(0, name.length() - ".class".length()),
                false,
                KernelTagsTest.class.getClassLoader()));
      }
    }
    assertThat(classes).hasSizeGreaterThan(10);
    return classes;
  }

  private static Path classesRoot() throws URISyntaxException {
    return Path.of(
        KernelTagsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
