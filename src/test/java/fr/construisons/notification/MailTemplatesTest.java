package fr.construisons.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * A mail is its template: its name comes from the file, and what would make a name ambiguous or
 * leave a mail without a catalogue to fill it in stops the start-up (test folders under
 * {@code notification/templates/}, standing for {@code mail/}).
 */
class MailTemplatesTest {

  private static MailTemplates under(String folder) {
    return new MailTemplates("classpath*:notification/templates/" + folder + "/");
  }

  private record Catalogue(List<String> folders) implements MailCatalogue {
    @Override
    public List<String> recipientRoles() {
      return List.of("TEAM");
    }

    @Override
    public List<OutgoingMail> prepare(MailTemplate mail, List<String> recipientRoles, DelegateExecution execution) {
      return List.of();
    }
  }

  @Test
  void theNameIsTheBasenameInUpperSnakeCaseAndFragmentsAreNoMail() {
    MailTemplates templates = under("fine");

    assertThat(templates.all()).extracting(MailTemplate::name).containsExactly("CLARIFICATION_REMINDER", "NEW_IDEA");
    assertThat(templates.get("NEW_IDEA")).isEqualTo(new MailTemplate("NEW_IDEA", "team", "team/new-idea"));
    assertThatThrownBy(() -> templates.get("LAYOUT")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LAYOUT");
  }

  @Test
  void twoTemplatesGivingOneNameStopTheStartUp() {
    assertThatThrownBy(() -> under("duplicate")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ideator/new-idea.html").hasMessageContaining("team/new-idea.html")
        .hasMessageContaining("NEW_IDEA");
  }

  @Test
  void aBasenameThatGivesNoNameStopsTheStartUp() {
    assertThatThrownBy(() -> under("badname")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("team/New_Idea.html");
  }

  @Test
  void everyTemplateBelongsToTheCatalogueOfItsFolder() {
    SendMailDelegate delegate = new SendMailDelegate(null, under("fine"), List.of(new Catalogue(List.of("team"))));

    assertThat(delegate.mails()).extracting(MailTemplate::name).containsExactlyInAnyOrder("NEW_IDEA", "CLARIFICATION_REMINDER");
    assertThat(delegate.recipientRoles("NEW_IDEA")).containsExactly("TEAM");
  }

  @Test
  void aTemplateInNoCataloguesFolderStopsTheStartUp() {
    assertThatThrownBy(() -> new SendMailDelegate(null, under("stray"), List.of(new Catalogue(List.of("team")))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("elsewhere/lost-mail.html").hasMessageContaining("[team]");
  }

  @Test
  void aFolderHasOneCatalogueAndACatalogueNoEmptyFolder() {
    assertThatThrownBy(() -> new SendMailDelegate(null, under("fine"),
        List.of(new Catalogue(List.of("team")), new Catalogue(List.of("team")))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("mail/team/");
    assertThatThrownBy(() -> new SendMailDelegate(null, under("fine"), List.of(new Catalogue(List.of("team", "typo")))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("typo");
  }
}
