package dev.tapio.alerts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away certificate authority with a server certificate for 127.0.0.1 and a client
 * certificate, made with the {@code openssl} command (Debian package {@code openssl}). Keys are
 * PKCS#8 PEM.
 */
record TestPki(Path ca, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {
  static final String NO_OPENSSL =
      "openssl is not installed (apt-get install openssl): TLS test skipped";

  static TestPki create(Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), NO_OPENSSL);
    Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
    run(
        dir,
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=tapio-test-ca");
    for (String who : List.of("server", "client")) {
      run(
          dir,
          "req",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:prime256v1",
          "-nodes",
          "-keyout",
          who + ".key",
          "-out",
          who + ".csr",
          "-subj",
          "/CN=" + who);
      run(
          dir,
          "x509",
          "-req",
          "-in",
          who + ".csr",
          "-CA",
          "ca.pem",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-out",
          who + ".pem",
          "-days",
          "2",
          "-extfile",
          who + ".ext");
    }
    return new TestPki(
        dir.resolve("ca.pem"),
        dir.resolve("server.pem"),
        dir.resolve("server.key"),
        dir.resolve("client.pem"),
        dir.resolve("client.key"));
  }

  /** A server TLS context from PEM files that requires client certificates signed by the CA. */
  static javax.net.ssl.SSLContext serverContext(OtlpReceiver.Tls tls) {
    try {
      java.security.cert.CertificateFactory x509 =
          java.security.cert.CertificateFactory.getInstance("X.509");
      java.security.cert.Certificate cert;
      java.security.cert.Certificate ca;
      try (var in = Files.newInputStream(tls.serverCert())) {
        cert = x509.generateCertificate(in);
      }
      try (var in = Files.newInputStream(tls.ca())) {
        ca = x509.generateCertificate(in);
      }
      String pem = Files.readString(tls.serverKey());
      byte[] der =
          java.util.Base64.getMimeDecoder()
              .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
      java.security.PrivateKey key =
          java.security.KeyFactory.getInstance("EC")
              .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
      java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      char[] password = "test".toCharArray();
      keys.setKeyEntry("server", key, password, new java.security.cert.Certificate[] {cert});
      java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca);
      javax.net.ssl.KeyManagerFactory kmf =
          javax.net.ssl.KeyManagerFactory.getInstance(
              javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
      javax.net.ssl.TrustManagerFactory tmf =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("/usr/bin/openssl");
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("openssl " + String.join(" ", args) + " failed:\n" + output);
    }
  }
}
