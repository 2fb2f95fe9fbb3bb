package fr.construisons.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.construisons.idea.IdeaStage;
import fr.construisons.idea.IdeaMails;
import fr.construisons.notification.MailTemplate;
import fr.construisons.notification.MailTemplates;
import fr.construisons.notification.SendMailDelegate;
import fr.construisons.support.ProcessTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The Camunda Modeler element templates in {@code element-templates/} (see docs/process.md, "Element
 * templates") against the application and the models: every template calls a
 * JavaDelegate bean that exists, offers only values its delegate accepts, and describes the models
 * as they are (applied to every task that calls a delegate, same asynchronous continuations, same
 * inputs); every delegate bean the models use has a template. The JSON schema itself is checked by
 * {@code npm run lint:templates}.
 */
@ProcessTest
class ElementTemplatesTest {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");
  private static final String NAME_PREFIX = "Construisons! — ";
  private static final String ID_PREFIX = "fr.construisons.";

  /**
   * What each Dropdown offers, checked the way its delegate reads it. A new Dropdown needs an entry
   * here, so no list of values goes unchecked.
   */
  private Map<String, Consumer<String>> dropdownChecks() {
    return Map.of(
        // MoveIdeaToStageDelegate: IdeaStage.valueOf, then the ideator's mail for that stage
        "moveIdeaToStageDelegate/targetStage", value -> mails.get(IdeaMails.forStage(IdeaStage.valueOf(value))),
        // SendMailDelegate: a mail some process's catalogue declares
        "sendMailDelegate/mail", sendMail::mail);
  }

  private static List<Template> templates;
  private static List<DelegateUse> uses;

  @Autowired ApplicationContext context;
  @Autowired SendMailDelegate sendMail;
  @Autowired MailTemplates mails;

  record Template(String file, JsonNode json) {
    String id() {
      return json.path("id").asText();
    }

    Set<String> appliesTo() {
      return stream(json.path("appliesTo")).map(JsonNode::asText).collect(Collectors.toSet());
    }

    List<JsonNode> properties() {
      return stream(json.path("properties")).toList();
    }

    List<JsonNode> bound(String bindingType, String name) {
      return properties().stream()
          .filter(p -> bindingType.equals(p.path("binding").path("type").asText()))
          .filter(p -> name.equals(p.path("binding").path("name").asText()))
          .toList();
    }

    String bean() {
      List<JsonNode> delegate = bound("property", "camunda:delegateExpression");
      assertThat(delegate).as("%s: one camunda:delegateExpression binding", id()).hasSize(1);
      assertThat(delegate.get(0).path("type").asText()).as("%s: delegateExpression type", id()).isEqualTo("Hidden");
      Matcher matcher = BEAN_EXPRESSION.matcher(delegate.get(0).path("value").asText());
      assertThat(matcher.matches()).as("%s: delegateExpression is ${beanName}", id()).isTrue();
      return matcher.group(1);
    }

    Map<String, JsonNode> inputs() {
      Map<String, JsonNode> inputs = new LinkedHashMap<>();
      properties().stream()
          .filter(p -> "camunda:inputParameter".equals(p.path("binding").path("type").asText()))
          .forEach(p -> inputs.put(p.path("binding").path("name").asText(), p));
      return inputs;
    }
  }

  /** An element of a model that calls a delegate bean, with the inputs it gives it. */
  record DelegateUse(String file, BaseElement host, boolean onEventDefinition, String bean, Map<String, String> inputs) {
    String where() {
      return file + " " + host.getId();
    }

    Optional<String> camundaAttribute(String name) {
      return Optional.ofNullable(host.getAttributeValueNs(CAMUNDA_NS, name));
    }
  }

  @BeforeAll
  static void read() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    templates = new ArrayList<>();
    for (Path file : files(Path.of("element-templates"), ".json")) {
      JsonNode content = mapper.readTree(file.toFile());
      List<JsonNode> list = content.isArray() ? stream(content).toList() : List.of(content);
      list.forEach(json -> templates.add(new Template(file.toString(), json)));
    }
    uses = new ArrayList<>();
    for (Path file : files(Path.of("processes"), ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        String expression = element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
        if (expression == null) {
          continue;
        }
        Matcher matcher = BEAN_EXPRESSION.matcher(expression);
        assertThat(matcher.matches()).as("%s %s: delegateExpression %s", file, element.getId(), expression).isTrue();
        boolean onEventDefinition = element instanceof EventDefinition;
        BaseElement host = onEventDefinition ? (BaseElement) element.getParentElement() : element;
        uses.add(new DelegateUse(file.toString(), host, onEventDefinition, matcher.group(1), inputsOf(host)));
      }
    }
  }

  @Test
  void templatesAreFoundAndNamedAfterTheProject() {
    assertThat(templates).as("templates in element-templates/").isNotEmpty();
    Set<String> ids = new HashSet<>();
    for (Template template : templates) {
      assertThat(ids.add(template.id() + "@" + template.json().path("version").asInt()))
          .as("%s: id and version unique", template.id()).isTrue();
      assertThat(template.id()).startsWith(ID_PREFIX);
      assertThat(template.json().path("version").isInt()).as("%s: version", template.id()).isTrue();
      assertThat(template.json().path("name").asText()).as("%s: name", template.id()).startsWith(NAME_PREFIX);
      assertThat(template.json().path("description").asText()).as("%s: description", template.id()).isNotBlank();
      assertThat(template.appliesTo()).as("%s: appliesTo", template.id())
          .isNotEmpty()
          .isSubsetOf("bpmn:ServiceTask", "bpmn:SendTask");
    }
  }

  @Test
  void everyTemplateCallsAJavaDelegateBean() {
    for (Template template : templates) {
      String bean = template.bean();
      assertThat(context.containsBean(bean)).as("%s: bean %s in the Spring context", template.id(), bean).isTrue();
      assertThat(context.getBean(bean)).as("%s: bean %s", template.id(), bean).isInstanceOf(JavaDelegate.class);
    }
  }

  @Test
  void everyDropdownOffersOnlyValuesItsDelegateAccepts() {
    Map<String, Consumer<String>> checks = dropdownChecks();
    int dropdowns = 0;
    for (Template template : templates) {
      for (Map.Entry<String, JsonNode> input : template.inputs().entrySet()) {
        JsonNode property = input.getValue();
        if (!"Dropdown".equals(property.path("type").asText())) {
          continue;
        }
        dropdowns++;
        String key = template.bean() + "/" + input.getKey();
        assertThat(checks).as("%s: no check for Dropdown %s", template.id(), key).containsKey(key);
        List<String> values = stream(property.path("choices")).map(c -> c.path("value").asText()).toList();
        assertThat(values).as("%s: choices of %s", template.id(), key).isNotEmpty().doesNotHaveDuplicates();
        for (String value : values) {
          assertThatCode(() -> checks.get(key).accept(value))
              .as("%s: %s = %s", template.id(), key, value).doesNotThrowAnyException();
        }
        if (property.hasNonNull("value")) {
          assertThat(values).as("%s: default of %s", template.id(), key).contains(property.path("value").asText());
        }
      }
    }
    assertThat(dropdowns).isEqualTo(checks.size());
  }

  /**
   * A new template is a new mail the Modeler must offer, and a choice without its template would
   * fail the send task: the « Mail » choices of « Envoyer un mail » and the ideator's stage mails
   * (chosen by « Changer l'étape de l'idée ») are exactly the templates under mail/.
   */
  @Test
  void theModelerOffersEveryMailTemplateAndNothingElse() {
    Set<String> sent = choices("sendMailDelegate", "mail");
    Set<String> stageMails = choices("moveIdeaToStageDelegate", "targetStage").stream()
        .map(stage -> IdeaMails.forStage(IdeaStage.valueOf(stage))).collect(Collectors.toCollection(TreeSet::new));
    Set<String> templated = mails.all().stream().map(MailTemplate::name).collect(Collectors.toCollection(TreeSet::new));

    assertThat(sent).as("« Mail » choices of the send-mail template").doesNotContainAnyElementsOf(stageMails);
    Set<String> offered = new TreeSet<>(sent);
    offered.addAll(stageMails);
    assertThat(offered).as("mails the Modeler offers").isEqualTo(templated);
  }

  /**
   * What the models name: a send task's {@code mail} (and {@code mailTemplate}, the input of the
   * incubation's older send tasks), a stage change's {@code targetStage}; each has its template.
   */
  @Test
  void everyMailTheModelsNameHasItsTemplate() {
    List<String> named = new ArrayList<>();
    for (DelegateUse use : uses) {
      use.inputs().forEach((input, value) -> {
        switch (input) {
          case "mail", "mailTemplate" -> named.add(value);
          case "targetStage" -> named.add(IdeaMails.forStage(IdeaStage.valueOf(value)));
          default -> { }
        }
      });
    }
    assertThat(named).as("mails named in processes/*.bpmn").isNotEmpty()
        .allSatisfy(name -> assertThat(mails.find(name)).as("template of %s", name).isPresent());
  }

  @Test
  void recipientsPatternNamesExactlyTheRecipientRoles() {
    Template notify = templateFor("sendMailDelegate");
    JsonNode recipients = notify.inputs().get("recipients");
    String pattern = recipients.path("constraints").path("pattern").path("value").asText();
    Matcher roles = Pattern.compile("\\^\\(([A-Z_|]+)\\)\\(,\\(\\1\\)\\)\\*\\$").matcher(pattern);
    assertThat(roles.matches()).as("recipients pattern %s: ^(ROLE|…)(,(ROLE|…))*$", pattern).isTrue();
    assertThat(new TreeSet<>(Arrays.asList(roles.group(1).split("\\|"))))
        .isEqualTo(sendMail.recipientRoles());
    Pattern compiled = Pattern.compile(pattern);
    assertThat(compiled.matcher("IDEATOR,MANAGER,TEAM").matches()).isTrue();
    assertThat(compiled.matcher("IDEATOR, TEAM").matches()).isFalse();
    assertThat(compiled.matcher("BOSS").matches()).isFalse();
  }

  @Test
  void everyDelegateBeanOfTheModelsHasATemplateAndNoTemplateIsStale() {
    assertThat(uses).as("delegate expressions in processes/*.bpmn").isNotEmpty();
    Set<String> used = uses.stream().map(DelegateUse::bean).collect(Collectors.toCollection(TreeSet::new));
    Set<String> templated = templates.stream().map(Template::bean).collect(Collectors.toCollection(TreeSet::new));
    assertThat(templated).as("beans with a template").containsAll(used);
    assertThat(used).as("beans the models use").containsAll(templated);
    assertThat(templates.stream().map(Template::bean).toList()).as("one template per bean").doesNotHaveDuplicates();
  }

  @Test
  void templatesDescribeTheModelsAsTheyAre() {
    for (DelegateUse use : uses) {
      Template template = templateFor(use.bean());
      String typeName = use.host().getElementType().getTypeName(); // serviceTask, sendTask, endEvent
      String elementType = "bpmn:" + Character.toUpperCase(typeName.charAt(0)) + typeName.substring(1);
      if (!use.onEventDefinition()) {
        // the Modeler can apply the template to this element and would keep it as it is
        assertThat(template.appliesTo()).as("%s (%s): %s applies to it", use.where(), elementType, template.id())
            .contains(elementType);
        // and has applied it: the Modeler shows the template's fields for it
        assertThat(use.camundaAttribute("modelerTemplate")).as("%s: camunda:modelerTemplate", use.where())
            .contains(template.id());
        assertThat(use.camundaAttribute("modelerTemplateVersion")).as("%s: camunda:modelerTemplateVersion", use.where())
            .contains(template.json().path("version").asText());
        for (String attribute : List.of("asyncBefore", "asyncAfter")) {
          String templateValue = template.bound("property", "camunda:" + attribute).stream()
              .map(p -> p.path("value").asText()).findFirst().orElse("false");
          assertThat(use.camundaAttribute(attribute).orElse("false"))
              .as("%s: camunda:%s as in %s", use.where(), attribute, template.id()).isEqualTo(templateValue);
        }
      }
      // message end events take the bean on their event definition, where no template applies,
      // but their inputs are the same as the send tasks'
      Map<String, JsonNode> inputs = template.inputs();
      assertThat(inputs.keySet()).as("%s: inputs known to %s", use.where(), template.id())
          .containsAll(use.inputs().keySet());
      for (Map.Entry<String, JsonNode> input : inputs.entrySet()) {
        JsonNode property = input.getValue();
        String value = use.inputs().get(input.getKey());
        if (property.path("constraints").path("notEmpty").asBoolean()) {
          assertThat(value).as("%s: input %s (required by %s)", use.where(), input.getKey(), template.id()).isNotBlank();
        }
        if (value == null) {
          continue;
        }
        if ("Dropdown".equals(property.path("type").asText())) {
          assertThat(stream(property.path("choices")).map(c -> c.path("value").asText()))
              .as("%s: %s = %s among the choices of %s", use.where(), input.getKey(), value, template.id())
              .contains(value);
        }
        JsonNode pattern = property.path("constraints").path("pattern").path("value");
        if (pattern.isTextual()) {
          assertThat(value).as("%s: %s", use.where(), input.getKey()).matches(pattern.asText());
        }
      }
    }
  }

  private static Set<String> choices(String bean, String input) {
    return stream(templateFor(bean).inputs().get(input).path("choices")).map(c -> c.path("value").asText())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Template templateFor(String bean) {
    return templates.stream().filter(t -> t.bean().equals(bean)).findFirst()
        .orElseThrow(() -> new AssertionError("no template for bean " + bean));
  }

  private static Map<String, String> inputsOf(BaseElement element) {
    Map<String, String> inputs = new LinkedHashMap<>();
    if (element.getExtensionElements() == null) {
      return inputs;
    }
    for (CamundaInputOutput io : element.getExtensionElements().getChildElementsByType(CamundaInputOutput.class)) {
      for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
        inputs.put(parameter.getCamundaName(), parameter.getTextContent());
      }
    }
    return inputs;
  }

  private static List<Path> files(Path directory, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
