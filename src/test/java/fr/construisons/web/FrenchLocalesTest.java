package fr.construisons.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our French locales ({@code src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/fr.json})
 * cover every key of the English locale shipped in the Camunda webjar. A Camunda upgrade that adds
 * keys fails here with the list of keys to translate, instead of showing English to the agents.
 *
 * <p>Plain JUnit, no Spring context: both files are read from the test classpath.
 */
class FrenchLocalesTest {

  /** The webapps whose French locale is complete (Cockpit joins when its fr.json is). */
  static final List<String> COMPLETE_APPS = List.of("tasklist", "welcome", "admin", "cockpit");

  /**
   * Keys that may be empty in French: the community edition's end-of-life notice ("It is time to
   * migrate to Camunda 8"), addressed to us, not to the agents (also hidden by styles/user-styles.css).
   */
  static final Set<String> BANNER_KEYS = Set.of("labels.BANNER_CE_EOL_TEXT");

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(?:a|b|i|em|strong|br|code|span|p|ul|li)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  List<DynamicTest> everyEnglishKeyHasAFrenchValue() {
    return COMPLETE_APPS.stream()
        .map(app -> DynamicTest.dynamicTest(app, () -> checkApp(app)))
        .toList();
  }

  private static void checkApp(String app) throws IOException {
    Map<String, String> english = flatten(read(webjarLocale(app, "en")));
    Map<String, String> french = flatten(read(ourLocale(app)));
    assertThat(english).as("English keys of %s in the webjar", app).hasSizeGreaterThan(100);

    List<String> missing = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    List<String> placeholders = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<String> bannerShown = new ArrayList<>();
    english.forEach((key, en) -> {
      String fr = french.get(key);
      if (fr == null) {
        missing.add(key + "  (en: " + en + ")");
        return;
      }
      if (BANNER_KEYS.contains(key)) {
        if (!fr.isEmpty()) {
          bannerShown.add(key);
        }
        return;
      }
      if (fr.isBlank() && !en.isBlank()) {
        empty.add(key + "  (en: " + en + ")");
        return;
      }
      List<String> lost = new ArrayList<>(found(PLACEHOLDER, en, 1));
      lost.removeAll(found(PLACEHOLDER, fr, 1));
      if (!lost.isEmpty()) {
        placeholders.add(key + ": " + lost + " missing in \"" + fr + "\"");
      }
      List<String> enTags = found(HTML_TAG, en, 0);
      List<String> frTags = found(HTML_TAG, fr, 0);
      Collections.sort(enTags);
      Collections.sort(frTags);
      if (!enTags.equals(frTags)) {
        tags.add(key + ": " + enTags + " in English, " + frTags + " in French");
      }
    });

    List<String> problems = new ArrayList<>();
    report(problems, "missing French keys (add them to app/" + app + "/locales/fr.json)", missing);
    report(problems, "empty French values", empty);
    report(problems, "placeholders lost", placeholders);
    report(problems, "HTML tags differ", tags);
    report(problems, "end-of-life banner not empty", bannerShown);
    if (!problems.isEmpty()) {
      fail("%s: %d English keys, %d French keys%n%s".formatted(app, english.size(), french.size(),
          String.join(System.lineSeparator(), problems)));
    }
  }

  /**
   * A few keys the web applications' code asks for are in no English file of the webjar (Camunda's
   * own gap: « NOTIFICATIONS_STATUS_FAILED » in Cockpit, the shared audit plug-in's notices): the app
   * would show the key itself. Every key the code translates is in our French file.
   */
  @TestFactory
  List<DynamicTest> everyKeyTheCodeTranslatesHasAFrenchValue() {
    return COMPLETE_APPS.stream()
        .map(app -> DynamicTest.dynamicTest(app, () -> {
          Map<String, String> french = flatten(read(ourLocale(app)));
          Set<String> used = new java.util.TreeSet<>();
          for (String code : List.of("META-INF/resources/webjars/camunda/app/%s/camunda-%s-bootstrap.js",
              "META-INF/resources/plugin/%s/app/plugin.js")) {
            URL url = FrenchLocalesTest.class.getClassLoader().getResource(code.formatted(app, app));
            if (url == null) {
              continue;
            }
            try (InputStream in = url.openStream()) {
              Matcher key = TRANSLATED_KEY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
              while (key.find()) {
                used.add(key.group(1) != null ? key.group(1) : key.group(2));
              }
            }
          }
          assertThat(used).as("keys %s's code translates", app).hasSizeGreaterThan(20);
          List<String> missing = used.stream().filter(k -> !french.containsKey("labels." + k)).toList();
          assertThat(missing).as("keys %s's code translates, missing in app/%s/locales/fr.json", app, app).isEmpty();
        }))
        .toList();
  }

  /** A key the AngularJS code translates: {@code $translate.instant("KEY")} or {@code 'KEY' | translate}. */
  private static final Pattern TRANSLATED_KEY = Pattern.compile(
      "\\.instant\\(\\s*[\"']([A-Z][A-Z0-9_]{2,})[\"']|[\"']([A-Z][A-Z0-9_]{2,})[\"']\\s*\\|\\s*translate");

  private static void report(List<String> problems, String title, List<String> keys) {
    if (!keys.isEmpty()) {
      problems.add(keys.size() + " " + title + ":" + System.lineSeparator() + "  "
          + String.join(System.lineSeparator() + "  ", keys));
    }
  }

  private static List<String> found(Pattern pattern, String text, int group) {
    List<String> result = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      result.add(matcher.group(group));
    }
    return result;
  }

  /** The webjar's file: our override folder also holds files, so pick the one inside the jar. */
  private static URL webjarLocale(String app, String locale) throws IOException {
    String path = LOCALES.formatted(app, locale);
    List<URL> urls = Collections.list(FrenchLocalesTest.class.getClassLoader().getResources(path));
    return urls.stream()
        .filter(url -> "jar".equals(url.getProtocol()) && url.getPath().contains("camunda-webapp-webjar"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + path + " in the Camunda webjar among " + urls));
  }

  /** Our file, from the project's resources (never from a jar). */
  private static URL ourLocale(String app) throws IOException {
    String path = LOCALES.formatted(app, "fr");
    List<URL> urls = Collections.list(FrenchLocalesTest.class.getClassLoader().getResources(path));
    return urls.stream()
        .filter(url -> !"jar".equals(url.getProtocol()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + path + " in src/main/resources among " + urls));
  }

  private static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Camunda's English files start with a byte order mark.
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  /** Nested keys joined with dots ("labels.TASKS"), array items by index ("dateLocales.months.0"). */
  static Map<String, String> flatten(JsonNode node) {
    Map<String, String> keys = new LinkedHashMap<>();
    flatten("", node, keys);
    return keys;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> keys) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(join(prefix, e.getKey()), e.getValue(), keys));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(join(prefix, String.valueOf(i)), node.get(i), keys);
      }
    } else {
      keys.put(prefix, node.isNull() ? "" : node.asText());
    }
  }

  private static String join(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }
}
