package dev.tapio.app.config;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Every configuration message, word for word as the tests assert them. */
final class ConfigMessages {
  private ConfigMessages() {}

  static final String UNKNOWN_KEY = "unknown key '%s'";
  static final String DID_YOU_MEAN = "; did you mean '%s'?";
  static final String MUST_BE = "%s must be %s, not %s";
  static final String SECTION = "%s must be a mapping of settings, not %s";
  static final String TOP_LEVEL = "the configuration must be a mapping of settings, not %s";
  static final String SET_WITHOUT_VALUE = "expected --set KEY=VALUE";
  static final String CANNOT_READ = "cannot read the configuration file: %s";
  static final String TOKEN_NEEDED =
      "http.address %s is reachable from other hosts: set http.token or http.tokenFile";
  static final String TOKEN_TWICE = "set http.token or http.tokenFile, not both";
  static final String TOKEN_FILE_UNREADABLE = "http.tokenFile %s cannot be read: %s";
  static final String TOKEN_FILE_EMPTY = "http.tokenFile %s is empty";
  static final String METRICS_WITHOUT_ENDPOINT =
      "metrics.otlp.enabled needs outputs.otlp.endpoint: the metrics go to the alerts' OTLP receiver";
  static final String WATERMARKS =
      "sampling.queueLowWatermark %s must be below sampling.queueHighWatermark %s";

  /** {@code unknown key 'endpont'; did you mean 'endpoint'?} when a known key is close. */
  static String unknownKey(String key, List<String> known) {
    String last = key.substring(key.lastIndexOf('.') + 1);
    String closest =
        known.stream()
            .min(Comparator.comparingInt(k -> distance(k, key)))
            .filter(k -> distance(k, key) <= Math.max(2, last.length() / 3))
            .orElse(null);
    return UNKNOWN_KEY.formatted(key) + (closest == null ? "" : DID_YOU_MEAN.formatted(closest));
  }

  /** Edit distance, ignoring case (so {@code maxbytes} is one step from nothing). */
  static int distance(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    int[] prev = new int[y.length() + 1];
    int[] cur = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length()];
  }
}
