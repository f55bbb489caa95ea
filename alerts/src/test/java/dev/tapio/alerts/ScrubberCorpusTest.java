package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in patterns against a corpus: secrets that must go, look-alikes that must stay. */
class ScrubberCorpusTest {
  private static final Scrubber SCRUBBER = Scrubber.defaults();

  /** Text with a secret, and the secret that must not survive. */
  static Stream<Arguments> secrets() {
    return Stream.of(
        // Credentials in URLs.
        secret("curl https://admin:s3cr3tP4ss@db.internal/api", "s3cr3tP4ss"),
        secret("git clone https://bob:hunter2xyz@github.com/org/repo.git", "hunter2xyz"),
        secret("psql postgres://app:Pg_pass-99@10.0.0.5:5432/shop", "Pg_pass-99"),
        secret("redis-cli -u redis://default:redispw123@cache:6379", "redispw123"),
        secret("amqp://guest:rabbitPW77@mq:5672/", "rabbitPW77"),
        secret("mongodb+srv://root:M0ngoPass@cluster0.example.net/db", "M0ngoPass"),
        // Authorization headers.
        secret(
            "curl -H 'Authorization: Bearer abc.def-ghi_jkl012345' https://api",
            "abc.def-ghi_jkl012345"),
        secret("Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="),
        secret(
            "wget --header=\"Authorization: token 0123456789abcdef0123\" http://x",
            "0123456789abcdef0123"),
        secret("curl -H \"X-Api-Key: 9f8e7d6c5b4a39281706\" https://svc", "9f8e7d6c5b4a39281706"),
        secret("curl -H 'PRIVATE-TOKEN: zyxwvu987654' https://gitlab", "zyxwvu987654"),
        secret("http -A bearer --auth-type bearer Bearer Zm9vYmFyYmF6cXV4", "Zm9vYmFyYmF6cXV4"),
        secret("proxy-authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l", "YWxhZGRpbjpvcGVuc2VzYW1l"),
        secret(
            "vault login -method=token X-Vault-Token: hvs.CAESIJ1234567890",
            "hvs.CAESIJ1234567890"),
        // Flags.
        secret("mysqldump --password=Tr0ub4dor&3 shop", "Tr0ub4dor&3"),
        secret("app --db-password secretvalue42 --verbose", "secretvalue42"),
        secret("kubectl --token=eyJhbGciOi.short --server https://k8s", "eyJhbGciOi.short"),
        secret("docker login --password 'p@ss w0rd' registry", "p@ss w0rd"),
        secret("terraform apply -var client_secret=abcDEF123456", "abcDEF123456"),
        secret("svc --api-key=AKX9-22-QQ-77 --region eu", "AKX9-22-QQ-77"),
        secret("tool --access-key=XYZ987654321 --x", "XYZ987654321"),
        secret("helm install --set auth.rootPassword=helmRoot55 db", "helmRoot55"),
        secret("openssl pkcs12 -passin pass:mypkcs -passout pass:other", "mypkcs"),
        secret("ldapsearch --client-secret \"quoted secret\"", "quoted secret"),
        secret("app -password=plainpw", "plainpw"),
        // Assignments and environment variables.
        secret("env MYSQL_ROOT_PASSWORD=rootpw99 mysqld", "rootpw99"),
        secret("export GITHUB_TOKEN=notashapeabc123", "notashapeabc123"),
        secret("POSTGRES_PASSWORD=pg-pass-7 docker-entrypoint.sh", "pg-pass-7"),
        secret("{\"password\": \"jsonpw123\", \"user\": \"a\"}", "jsonpw123"),
        secret("https://api.example.com/v1?api_key=QWERTY123456&page=2", "QWERTY123456"),
        secret("config: secret_key: yamlSecret99", "yamlSecret99"),
        secret("DB_PASS=x; SECRET=topsecretvalue ./run", "topsecretvalue"),
        // Database and tool specific.
        secret("mysql -u root -pSup3rSecret -h db", "Sup3rSecret"),
        secret("sshpass -p 'letmein!' ssh root@host", "letmein!"),
        secret("curl -u deploy:d3pl0yPW https://nexus/repo", "d3pl0yPW"),
        secret("wget --user=ci --password=ciPass77 http://x", "ciPass77"),
        // Private keys.
        secret(
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq\n-----END RSA PRIVATE KEY-----",
            "MIIEowIBAAKCAQEA7bq"),
        secret(
            "key=-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0\\n-----END PRIVATE KEY-----",
            "MIIEvQIBADANBgkqhkiG9w0"),
        secret(
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA",
            "b3BlbnNzaC1rZXktdjEAAAAA"),
        secret(
            "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA\n-----END EC PRIVATE KEY-----",
            "MHcCAQEEIIrYSSNQFaA"),
        // Cloud provider token shapes.
        secret("aws s3 ls with AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        secret("creds ASIAY34FZKBOKMUTVV7A in use", "ASIAY34FZKBOKMUTVV7A"),
        secret(
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        secret(
            "gcloud key AIzaSyD-1234567890abcdefghijklmnopqrstu",
            "AIzaSyD-1234567890abcdefghijklmnopqrstu"),
        secret(
            "token ya29.a0AfH6SMBx-abcdefghijklmnopqrstuv",
            "ya29.a0AfH6SMBx-abcdefghijklmnopqrstuv"),
        secret(
            "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy==;",
            "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy=="),
        secret(
            "https://acct.blob.core.windows.net/c/f?sv=2022-11-02&sig=AbCdEf%2BGhIjKlMnOpQrStUv%3D",
            "AbCdEf%2BGhIjKlMnOpQrStUv%3D"),
        secret(
            "az login --sp abc8Q~Zx1y2z3A4b5C6d7E8f9G0h1I2j3K4l5M6n",
            "abc8Q~Zx1y2z3A4b5C6d7E8f9G0h1I2j3K4l5M6n"),
        // Code hosting and chat tokens.
        secret(
            "git push ghp_1234567890abcdefghijklmnopqrstuvwxyz",
            "ghp_1234567890abcdefghijklmnopqrstuvwxyz"),
        secret(
            "GH ghs_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            "ghs_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
        secret(
            "gh auth github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"),
        secret("glab glpat-AbCdEfGhIjKlMnOpQrSt", "glpat-AbCdEfGhIjKlMnOpQrSt"),
        secret(
            "slack xoxb-123456789012-1234567890123-AbCdEfGhIjKl",
            "xoxb-123456789012-1234567890123-AbCdEfGhIjKl"),
        secret("xoxp-1111-2222-3333-abcdefabcdef", "xoxp-1111-2222-3333-abcdefabcdef"),
        secret(
            "curl -X POST https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX",
            "T000/B000/XXXXXXXXXXXXXXXX"),
        secret("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
        secret(
            "npm_abcdefghijklmnopqrstuvwxyz0123456789 in .npmrc",
            "npm_abcdefghijklmnopqrstuvwxyz0123456789"),
        secret("OPENAI sk-proj-abcdefghijklmnopqrstuvwx", "sk-proj-abcdefghijklmnopqrstuvwx"),
        // JWTs.
        secret(
            "cookie eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
        secret(
            "/var/run/secrets eyJraWQiOiJhYmMifQ.eyJpc3MiOiJrdWJlcm5ldGVzIn0.c2lnbmF0dXJlLXZhbHVl",
            "eyJraWQiOiJhYmMifQ.eyJpc3MiOiJrdWJlcm5ldGVzIn0.c2lnbmF0dXJlLXZhbHVl"));
  }

  /** Text that looks close but holds no secret: unchanged. */
  static List<String> harmless() {
    return List.of(
        "bash -c id",
        "cat /etc/passwd",
        "cat /etc/shadow",
        "passwd alice",
        "ssh-keygen -t ed25519 -f /root/.ssh/id_ed25519",
        "kubectl get secrets -n kube-system",
        "kubectl create secret generic db --from-file=./creds",
        "vault --token-file /run/token",
        "app --password-file=/etc/app/pw",
        "tool --secret-name mysecret --namespace prod",
        "aws sts get-caller-identity",
        "curl https://example.com/api/v1/items?page=2",
        "git clone https://github.com/falcosecurity/falco.git",
        "cd /home/user && ls -la",
        "openat /var/lib/kubelet/pods/123/volumes/kubernetes.io~secret/token",
        "A shell was spawned in a container (user=root shell=bash container=web)",
        "Sensitive file opened for reading by non-trusted program (file=/etc/shadow)",
        "basic authentication failed for user admin",
        "bearer of bad news",
        "postgres://db.internal:5432/shop",
        "docker run -u 1000:1000 nginx",
        "mysql -u root -h db shop",
        "ps -p 4242",
        "grep -r token_ttl /etc/app",
        "java -Djavax.net.ssl.keyStore=/etc/ks.p12 -jar app.jar",
        "AKIA prefix alone",
        "eyJhbGciOi",
        "sha256:3f9d2c1b0a4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c",
        "container.id=3f9d2c1b0a4e image=docker.io/library/nginx:1.27",
        "tokens=5 retries=3",
        "keyctl show",
        "ssh -i ~/.ssh/id_rsa user@host",
        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----",
        "PWD=/root OLDPWD=/tmp");
  }

  private static Arguments secret(String text, String secret) {
    return Arguments.of(text, secret);
  }

  @Test
  void corpusIsLargeEnough() {
    assertThat(secrets().count()).isGreaterThanOrEqualTo(50);
    assertThat(harmless()).hasSizeGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest
  @MethodSource("secrets")
  void secretIsRedacted(String text, String secret) {
    String scrubbed = SCRUBBER.scrub(text);
    assertThat(scrubbed).doesNotContain(secret).contains(Scrubber.REDACTED);
  }

  @ParameterizedTest
  @MethodSource("harmless")
  void harmlessTextIsUnchanged(String text) {
    assertThat(SCRUBBER.scrub(text)).isEqualTo(text);
  }
}
