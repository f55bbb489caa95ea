package dev.tapio.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Renders case results: a readable text report and JUnit XML for CI systems. */
public final class Reports {
  private Reports() {}

  /** One line per case ({@code PASS}/{@code FAIL}), failures explained, then a summary line. */
  public static void text(List<CaseResult> results, PrintWriter out) {
    for (CaseResult r : results) {
      out.println((r.passed() ? "PASS " : "FAIL ") + r.ruleCase().id());
      for (String failure : r.failures()) {
        out.println("  " + failure.replace("\n", "\n  "));
      }
    }
    long failed = results.stream().filter(r -> !r.passed()).count();
    out.println();
    out.println((results.size() - failed) + " passed, " + failed + " failed");
    out.flush();
  }

  /**
   * JUnit XML: one {@code testsuite} per case file, one {@code testcase} per case, a {@code
   * failure} element carrying the explanation.
   */
  public static void junitXml(List<CaseResult> results, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      junitXml(results, out);
    }
  }

  public static void junitXml(List<CaseResult> results, OutputStream out) throws IOException {
    Map<String, List<CaseResult>> byFile = new LinkedHashMap<>();
    for (CaseResult r : results) {
      byFile.computeIfAbsent(r.ruleCase().file(), f -> new java.util.ArrayList<>()).add(r);
    }
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "tapio rules test");
      xml.writeAttribute("tests", String.valueOf(results.size()));
      xml.writeAttribute(
          "failures", String.valueOf(results.stream().filter(r -> !r.passed()).count()));
      for (Map.Entry<String, List<CaseResult>> suite : byFile.entrySet()) {
        List<CaseResult> cases = suite.getValue();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.getKey());
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute(
            "failures", String.valueOf(cases.stream().filter(r -> !r.passed()).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(cases.stream().mapToLong(CaseResult::nanos).sum()));
        for (CaseResult r : cases) {
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", suite.getKey());
          xml.writeAttribute("name", r.ruleCase().name());
          xml.writeAttribute("time", seconds(r.nanos()));
          if (!r.passed()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", r.failures().getFirst().lines().findFirst().orElse(""));
            xml.writeAttribute("type", "RuleCaseFailure");
            xml.writeCharacters(String.join("\n", r.failures()));
            xml.writeEndElement();
          }
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }
}
