package fr.construisons.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.idea.IdeaStage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One vocabulary across the models, the forms, the mails and the pages: the words of the scheme
 * (docs/process.md, « Vocabulaire ») and none of the variants that drifted in before, task names
 * that say what one does, gateways that ask, end events that state, one name per outcome. Every
 * text a person reads is read here as they read it (labels, form texts, a mail's visible text),
 * so a new model, form or mail that drifts fails the build.
 */
class VocabularyTest {

  /** Variants users met before, each with the word to use instead. */
  private static final Map<Pattern, String> BANNED = new LinkedHashMap<>();

  static {
    banned("équipe innovation|equipe innovation", "équipe Construisons!");
    banned("escalad\\w*", "« signaler le retard », « retard signalé »");
    banned("pas d'incubation|pas d'accord", "« Incubation non démarrée » (l'issue) ou « refus » (la réponse)");
    banned("parcours usager(?!s)", "parcours usagers");
    banned("(?<![-\\wé])(idéateur|intrapreneur)", "agent-idéateur, agent-intrapreneur");
    banned("revue de direction générale|revue par la direction générale|comité de revue", "revue en direction générale");
    banned("accord de temps|temps accordé", "accord sur le temps alloué");
  }

  /** English words that leaked into labels before (or would read naturally to a developer). */
  private static final Pattern ENGLISH = Pattern.compile("(?i)(?<![\\p{L}_$.{-])(the|and|of|team|idea|ideas|task|tasks|"
      + "workstream|review|reviewer|pivot|timebox|deadline|reminder|escalation|escalate|manager|feedback|submit|"
      + "approve|approved|rejected|pending|todo|yes|step|outcome|workflow)(?![\\p{L}_])");

  /** A French infinitive first word: the verb of a verb phrase. */
  private static final Pattern INFINITIVE = Pattern.compile("^\\p{Lu}\\p{Ll}*(er|ir|re|oir)(?![\\p{L}])");
  private static final Pattern FEEL_TEMPLATE = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
  private static final Pattern THYMELEAF_EXPRESSION = Pattern.compile("[$#*@~]\\{[^}]*}");
  private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern TH_TEXT = Pattern.compile("th:(?:text|utext|title|value|alt|content)=\"([^\"]*)\"");
  private static final Pattern TAG = Pattern.compile("<[^>]*>", Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\\|([^|]*)\\|");

  private static final List<Text> MODELS = new ArrayList<>();
  private static final List<Text> FORMS = new ArrayList<>();
  private static final List<Text> MAILS = new ArrayList<>();
  private static final List<Text> PAGES = new ArrayList<>();
  private static final Map<String, BpmnModelInstance> BPMN = new LinkedHashMap<>();

  /** One text a person reads, and where it comes from. */
  record Text(String where, String text) {}

  private static void banned(String regex, String instead) {
    BANNED.put(Pattern.compile("(?iu)" + regex), instead);
  }

  @BeforeAll
  static void readEverything() throws IOException {
    PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
    for (Resource model : resources.getResources("classpath*:processes/*.bpmn")) {
      try (InputStream in = model.getInputStream()) {
        BpmnModelInstance bpmn = Bpmn.readModelFromStream(in);
        BPMN.put(model.getFilename(), bpmn);
        bpmn.getModelElementsByType(Process.class).forEach(p -> add(MODELS, model.getFilename() + " " + p.getId(), p.getName()));
        bpmn.getModelElementsByType(FlowElement.class)
            .forEach(e -> add(MODELS, model.getFilename() + " " + e.getId(), e.getName()));
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (Resource form : resources.getResources("classpath*:forms/*.form")) {
      try (InputStream in = form.getInputStream()) {
        formTexts(form.getFilename(), json.readTree(in));
      }
    }
    for (Resource mail : resources.getResources("classpath*:mail/**/*.html")) {
      MAILS.add(new Text("mail " + mail.getURL().getPath().replaceAll(".*/mail/", ""), visibleText(mail)));
    }
    for (Resource page : resources.getResources("classpath*:templates/**/*.html")) {
      PAGES.add(new Text("page " + page.getURL().getPath().replaceAll(".*/templates/", ""), visibleText(page)));
    }
    assertThat(BPMN).as("models").hasSizeGreaterThanOrEqualTo(6);
    assertThat(FORMS).as("form texts").hasSizeGreaterThan(100);
    assertThat(MAILS).as("mails").hasSizeGreaterThan(40);
    assertThat(PAGES).as("pages").hasSizeGreaterThan(5);
  }

  private static void add(List<Text> texts, String where, String text) {
    if (text != null && !text.isBlank()) {
      texts.add(new Text(where, text));
    }
  }

  private static void formTexts(String form, JsonNode component) {
    String where = form + " " + component.path("key").asText(component.path("id").asText());
    for (String field : List.of("label", "text", "description")) {
      String value = component.path(field).asText(null);
      // A label that starts with "=" is a FEEL expression, not text; {{…}} holds FEEL too.
      if (value != null && !value.startsWith("=")) {
        add(FORMS, where, FEEL_TEMPLATE.matcher(value).replaceAll(" "));
      }
    }
    component.path("values").forEach(v -> add(FORMS, where + "=" + v.path("value").asText(), v.path("label").asText()));
    component.path("components").forEach(child -> formTexts(form, child));
  }

  /** What a reader sees: the text between the tags and the literals of th:text (the subject, …). */
  private static String visibleText(Resource resource) throws IOException {
    String html;
    try (InputStream in = resource.getInputStream()) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    html = HTML_COMMENT.matcher(html).replaceAll(" ");
    StringBuilder text = new StringBuilder();
    Matcher thText = TH_TEXT.matcher(html);
    while (thText.find()) {
      Matcher literal = QUOTED.matcher(thText.group(1));
      while (literal.find()) {
        text.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(' ');
      }
    }
    text.append(TAG.matcher(html).replaceAll(" "));
    return THYMELEAF_EXPRESSION.matcher(text.toString().replace("&nbsp;", "\u00a0").replace("&#39;", "'"))
        .replaceAll(" ");
  }

  private static List<String> findBanned(List<Text> texts) {
    List<String> found = new ArrayList<>();
    for (Text text : texts) {
      BANNED.forEach((pattern, instead) -> {
        Matcher m = pattern.matcher(text.text());
        while (m.find()) {
          found.add(text.where() + " : « " + m.group() + " » (dire : " + instead + ")");
        }
      });
    }
    return found;
  }

  private static List<String> findEnglish(List<Text> texts) {
    List<String> found = new ArrayList<>();
    for (Text text : texts) {
      Matcher m = ENGLISH.matcher(text.text());
      while (m.find()) {
        found.add(text.where() + " : « " + m.group() + " » dans « " + text.text().strip() + " »");
      }
    }
    return found;
  }

  @Test
  void theModelsFormsMailsAndPagesUseNoBannedVariant() {
    // Every finding at once, so one run lists all there is to rename.
    SoftAssertions.assertSoftly(soft -> {
      soft.assertThat(findBanned(MODELS)).as("models").isEmpty();
      soft.assertThat(findBanned(FORMS)).as("forms").isEmpty();
      soft.assertThat(findBanned(MAILS)).as("mails").isEmpty();
      soft.assertThat(findBanned(PAGES)).as("pages").isEmpty();
    });
  }

  @Test
  void theModelsFormsAndMailsSayNothingInEnglish() {
    SoftAssertions.assertSoftly(soft -> {
      soft.assertThat(findEnglish(MODELS)).as("models").isEmpty();
      soft.assertThat(findEnglish(FORMS)).as("forms").isEmpty();
      soft.assertThat(findEnglish(MAILS)).as("mails").isEmpty();
    });
  }

  /**
   * The forms, mails and pages write the scheme's name as the models and the Département do:
   * « Construisons! », without the space French typography would put before « ! ». It is a name.
   */
  @Test
  void theModelsFormsMailsAndPagesWriteConstruisonsWithoutASpace() {
    Pattern spaced = Pattern.compile("Construisons[\\s\u00a0\u202f]+!");
    List<String> found = new ArrayList<>();
    for (List<Text> texts : List.of(MODELS, FORMS, MAILS, PAGES)) {
      texts.stream().filter(t -> spaced.matcher(t.text()).find()).forEach(t -> found.add(t.where()));
    }
    assertThat(found).isEmpty();
  }

  @Test
  void everyTaskIsAVerbPhrase() {
    List<String> notAVerb = new ArrayList<>();
    BPMN.forEach((file, model) -> model.getModelElementsByType(Activity.class).forEach(activity -> {
      String name = activity.getName();
      if (name == null || !INFINITIVE.matcher(name).find()) {
        notAVerb.add(file + " " + activity.getId() + " « " + name + " »");
      }
    }));
    assertThat(notAVerb).as("activities whose name does not start with an infinitive").isEmpty();
  }

  @Test
  void aGatewayThatChoosesAsksAQuestionAndAMergeDoesNot() {
    List<String> wrong = new ArrayList<>();
    BPMN.forEach((file, model) -> model.getModelElementsByType(Gateway.class).forEach(gateway -> {
      boolean chooses = (gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway)
          && gateway.getOutgoing().size() > 1;
      String name = gateway.getName() == null ? "" : gateway.getName();
      boolean asks = name.matches(".*[\u00a0\u202f ]\\?$");
      if (chooses != asks) {
        wrong.add(file + " " + gateway.getId() + " « " + name + " »" + (chooses ? " : une question (« … ? »)" : " : pas une question"));
      }
    }));
    assertThat(wrong).isEmpty();
  }

  @Test
  void anEndEventStatesWhereThingsStand() {
    List<String> wrong = new ArrayList<>();
    BPMN.forEach((file, model) -> model.getModelElementsByType(EndEvent.class).forEach(end -> {
      String name = end.getName();
      if (name == null || name.isBlank() || INFINITIVE.matcher(name).find() || name.endsWith("?")) {
        wrong.add(file + " " + end.getId() + " « " + name + " »");
      }
    }));
    assertThat(wrong).as("end events named by an action or a question, or not named").isEmpty();
  }

  /** An incubation that never starts is told by one name, from the mediation to the idea box. */
  @Test
  void anIncubationThatDoesNotStartHasOneName() {
    String name = IdeaStage.INCUBATION_NOT_STARTED.label();
    assertThat(name).isEqualTo("Incubation non démarrée");
    assertThat(nameOf("incubation.bpmn", "EndEvent_AgreementNotReached")).isEqualTo(name);
    assertThat(nameOf("incubation.bpmn", "SequenceFlow_NotStarted")).isEqualTo(name);
    assertThat(nameOf("incubation.bpmn", "EndEvent_IncubationNotStarted")).isEqualTo(name);
    assertThat(nameOf("idea-lifecycle.bpmn", "SequenceFlow_IncubationNotStarted")).isEqualTo(name);
    assertThat(nameOf("idea-lifecycle.bpmn", "EndEvent_IncubationNotStarted")).isEqualTo(name);
    // The other outcomes of an incubation, likewise.
    String stopped = IdeaStage.INCUBATION_ABANDONED.label();
    assertThat(nameOf("incubation.bpmn", "EndEvent_IncubationStopped")).isEqualTo(stopped);
    assertThat(nameOf("idea-lifecycle.bpmn", "SequenceFlow_IncubationAbandon")).isEqualTo(stopped);
    assertThat(nameOf("idea-lifecycle.bpmn", "EndEvent_IncubationAbandoned")).isEqualTo(stopped);
    assertThat(nameOf("idea-lifecycle.bpmn", "EndEvent_IdeaDuplicate"))
        .isEqualTo(nameOf("idea-duplicate-closure.bpmn", "EndEvent_IdeaClosedAsDuplicate"));
  }

  private static String nameOf(String file, String id) {
    FlowElement element = BPMN.get(file).getModelElementById(id);
    assertThat(element).as(file + " " + id).isNotNull();
    return element.getName();
  }
}
