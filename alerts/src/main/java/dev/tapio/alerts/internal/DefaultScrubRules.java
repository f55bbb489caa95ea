package dev.tapio.alerts.internal;

import java.util.List;
import java.util.regex.Pattern;

/** The secret shapes Tapio redacts out of the box. */
public final class DefaultScrubRules {
  private static final String SECRET_WORDS =
      "(?:password|passwd|passphrase|secret|token|api[-_]?key|apikey|access[-_]?key"
          + "|private[-_]?key|client[-_]?secret|credentials?|auth[-_]?key)";

  /** Where each of {@link #SECRET_WORDS} starts. */
  private static final String[] SECRET_ANCHORS = {
    "pass", "secret", "token", "api", "access", "private", "client", "credential", "auth"
  };

  private static final Pattern NOT_A_SECRET_VALUE =
      Pattern.compile(
          ".*(?:file|path|dir|name|id|ttl|type|length|ref|count|size|expiry|expires|policy"
              + "|mode|min|max|prompt|stdin)$");

  /** Names that merely point at or describe a secret: {@code --token-file}, {@code secretName}. */
  private static boolean notASecretValue(String name) {
    return NOT_A_SECRET_VALUE.matcher(name).matches();
  }

  /** A flag is a key that starts with a dash and does not merely describe a secret. */
  private static boolean notASecretFlag(String name) {
    return !name.startsWith("-") || notASecretValue(name);
  }

  private DefaultScrubRules() {}

  public static List<ScrubRule> all() {
    return List.of(
        ScrubRule.of(
            "private-key",
            "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\\s\\S]*?"
                + "(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$)",
            "private key-----"),
        ScrubRule.of("url-credentials", "://[^/\\s:@]*:(?<s>[^/\\s@]+)@", "://"),
        ScrubRule.of(
            "authorization-header",
            "(?i)\\b(?:proxy-)?authorization\\s*[:=]\\s*(?:[a-z]+\\s+)?(?<s>[^\\s'\"]{4,})",
            "authorization"),
        ScrubRule.of("bearer", "(?i)\\bbearer\\s+(?<s>[A-Za-z0-9\\-._~+/]{8,}=*)", "bearer"),
        ScrubRule.of(
            "basic-auth",
            "\\bBasic\\s+(?<s>(?=[A-Za-z0-9+/]*[0-9+/=])[A-Za-z0-9+/]{8,}={0,2})",
            "basic"),
        ScrubRule.of(
            "api-key-header",
            "(?i)\\b(?:x-api-key|api-key|x-auth-token|x-vault-token|private-token)\\s*:\\s*(?<s>[^\\s'\"]+)",
            "api-key",
            "auth-token",
            "vault-token",
            "private-token"),
        ScrubRule.anchored(
            "secret-flag",
            "(?i)(?<n>"
                + SECRET_WORDS
                + "[a-z0-9_.-]*)(?:=|\\s+)"
                + "(?<s>\"[^\"]*\"|'[^']*'|[^\\s\"'-][^\\s\"']*)",
            DefaultScrubRules::notASecretFlag,
            SECRET_ANCHORS),
        ScrubRule.anchored(
            "secret-assignment",
            "(?i)(?<n>"
                + SECRET_WORDS
                + "[a-z0-9_]*)[\"']?\\s*[=:]\\s*"
                + "(?<s>\"[^\"]+\"|'[^']+'|[^\\s\"'&,;}]{4,})",
            DefaultScrubRules::notASecretValue,
            SECRET_ANCHORS),
        ScrubRule.of(
            "mysql-password",
            "\\b(?:mysql|mysqldump|mysqladmin|mariadb)\\b[^\\n]*?\\s-p(?<s>[^\\s-]\\S*)",
            "mysql",
            "mariadb"),
        ScrubRule.of("openssl-pass", "-pass(?:in|out)?\\s+pass:(?<s>\\S+)", "pass:"),
        ScrubRule.of("sshpass", "\\bsshpass\\s+-p\\s*(?<s>\\S+)", "sshpass"),
        ScrubRule.of(
            "curl-user",
            "\\b(?:curl|wget)\\b[^\\n]*?\\s(?:-u|--user)[\\s=]*[^:\\s]+:(?<s>\\S+)",
            "curl",
            "wget"),
        ScrubRule.of(
            "aws-access-key-id",
            "\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b",
            "akia",
            "asia",
            "abia",
            "acca",
            "agpa",
            "aida",
            "aroa",
            "anpa",
            "anva",
            "aipa"),
        ScrubRule.of(
            "aws-secret-access-key",
            "(?i)aws.{0,20}?(?:secret|key).{0,20}?[=:\"'\\s]\\s*[\"']?(?<s>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])",
            "aws"),
        ScrubRule.of("gcp-api-key", "\\bAIza[0-9A-Za-z\\-_]{35}", "aiza"),
        ScrubRule.of("gcp-oauth-token", "\\bya29\\.[0-9A-Za-z\\-_]{20,}", "ya29."),
        ScrubRule.of(
            "azure-storage-key", "(?i)AccountKey=(?<s>[A-Za-z0-9+/]{20,}={0,2})", "accountkey"),
        ScrubRule.of("azure-sas-signature", "(?i)[?&]sig=(?<s>[A-Za-z0-9%+/=]{16,})", "sig="),
        ScrubRule.of(
            "azure-client-secret",
            "(?<![\\w~.-])[a-zA-Z0-9_~.-]{3}\\dQ~[a-zA-Z0-9_~.-]{31,34}",
            "q~"),
        ScrubRule.of(
            "github-token",
            "\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\\b",
            "ghp_",
            "gho_",
            "ghu_",
            "ghs_",
            "ghr_"),
        ScrubRule.of(
            "github-fine-grained-token", "\\bgithub_pat_[A-Za-z0-9_]{22,255}", "github_pat_"),
        ScrubRule.of("gitlab-token", "\\bglpat-[A-Za-z0-9\\-_]{20,}", "glpat-"),
        ScrubRule.of("slack-token", "\\bxox[abposr]-[A-Za-z0-9-]{10,}", "xox"),
        ScrubRule.of(
            "slack-webhook",
            "https://hooks\\.slack\\.com/(?:services|workflows)/(?<s>[A-Za-z0-9/_-]+)",
            "hooks.slack.com"),
        ScrubRule.of(
            "stripe-key", "\\b[rsp]k_(?:live|test)_[A-Za-z0-9]{16,}", "k_live_", "k_test_"),
        ScrubRule.of("npm-token", "\\bnpm_[A-Za-z0-9]{36}\\b", "npm_"),
        ScrubRule.of("sk-api-key", "\\bsk-(?:proj-|ant-[a-z0-9]+-)?[A-Za-z0-9_-]{20,}", "sk-"),
        ScrubRule.of(
            "jwt", "\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}", "eyj"));
  }
}
