package fr.construisons.privacy;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.ideabox.IdeaComments;
import fr.construisons.ideabox.IdeaSupports;
import fr.construisons.organisation.OrganisationDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Service;

/**
 * Everything the platform holds about one agent, for their right of access (RGPD art. 15): their
 * profile, the ideas they submitted, the tasks they completed and what they decided in each, their
 * comments and supports, and what was done with their data. One list of entries, written as JSON
 * or CSV; only ever built for the agent who is signed in.
 */
@Service
public class PersonalDataExport {

  /** One piece of data: what it is, the idea it belongs to, its name, its value, its date. */
  public record Entry(String category, String reference, String field, String value, Instant at) {}

  private final IdeaRepository ideas;
  private final IdeaComments comments;
  private final IdeaSupports supports;
  private final HistoryService history;
  private final OrganisationDirectory organisation;
  private final PersonalDataLog log;
  private final TaskFormLabels formLabels;

  public PersonalDataExport(IdeaRepository ideas, IdeaComments comments, IdeaSupports supports,
      HistoryService history, OrganisationDirectory organisation, PersonalDataLog log, TaskFormLabels formLabels) {
    this.formLabels = formLabels;
    this.ideas = ideas;
    this.comments = comments;
    this.supports = supports;
    this.history = history;
    this.organisation = organisation;
    this.log = log;
  }

  public List<Entry> of(String agent) {
    List<Entry> entries = new ArrayList<>();
    profile(agent, entries);
    ideas(agent, entries);
    tasks(agent, entries);
    comments(agent, entries);
    supports(agent, entries);
    for (PersonalDataLog.Entry done : log.of(agent)) {
      entries.add(new Entry("Journal de vos données", done.detail(), done.action().label(),
          "par " + done.actor(), done.happenedAt()));
    }
    return entries;
  }

  private void profile(String agent, List<Entry> entries) {
    String category = "Profil";
    organisation.agent(agent).ifPresent(a -> {
      entries.add(new Entry(category, null, "identifiant", a.id(), null));
      entries.add(new Entry(category, null, "prénom", a.firstName(), null));
      entries.add(new Entry(category, null, "nom", a.lastName(), null));
      entries.add(new Entry(category, null, "courriel", a.email(), null));
    });
    organisation.directorateOf(agent).ifPresent(d -> entries.add(new Entry(category, null, "direction", d.name(), null)));
    organisation.lineManagerOf(agent).ifPresent(m -> entries.add(new Entry(category, null, "responsable hiérarchique",
        m.displayName(), null)));
  }

  private void ideas(String agent, List<Entry> entries) {
    for (IdeaRepository.Submitted idea : ideas.submittedBy(agent)) {
      String reference = idea.reference();
      Instant submitted = idea.submittedAt();
      String category = "Idée déposée";
      entries.add(new Entry(category, reference, "titre", idea.title(), submitted));
      entries.add(new Entry(category, reference, "problème", idea.problem(), submitted));
      entries.add(new Entry(category, reference, "solution", idea.solution(), submitted));
      entries.add(new Entry(category, reference, "bénéfices", idea.benefits(), submitted));
      for (Idea.LabelledDetail detail : Idea.labelled(idea.details())) {
        entries.add(new Entry(category, reference, detail.label().toLowerCase(java.util.Locale.FRENCH), detail.value(), submitted));
      }
      entries.add(new Entry(category, reference, "étape", fr.construisons.idea.IdeaStage.valueOf(idea.stage()).label(), null));
      entries.add(new Entry(category, reference, "nom affiché avec l'idée", idea.ideatorNameShown() ? "oui" : "non", null));
      if (idea.closedAt() != null) {
        entries.add(new Entry(category, reference, "motif de clôture", idea.closingReason(), idea.closedAt()));
      }
    }
  }

  /**
   * Each task the agent completed, and the values they submitted in it, named as the task's form
   * named them (a choice by the label of the option chosen): see {@link TaskFormLabels}.
   */
  private void tasks(String agent, List<Entry> entries) {
    List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().taskAssignee(agent).finished()
        .orderByHistoricTaskInstanceEndTime().asc().list();
    for (HistoricTaskInstance task : done) {
      String reference = reference(task.getProcessInstanceId());
      // By the task's label in its model, not by the name it had in Tasklist: that name may carry
      // someone else's (the requester of a personal-data request the agent handled).
      entries.add(new Entry("Tâche accomplie", reference, "tâche",
          formLabels.taskLabel(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName()),
          task.getEndTime().toInstant()));
      TaskFormLabels.Form form = formLabels.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      List<HistoricDetail> updates = history.createHistoricDetailQuery().activityInstanceId(task.getActivityInstanceId())
          .variableUpdates().disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().list();
      for (HistoricDetail detail : updates) {
        HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
        entries.add(new Entry("Décision ou saisie", reference, form.label(update.getVariableName()),
            form.value(update.getVariableName(), value(update)), update.getTime().toInstant()));
      }
    }
  }

  /** The value as stored: a JSON value (a checklist's choices) as its JSON text, not deserialised. */
  private static Object value(HistoricVariableUpdate update) {
    if (update.getTypedValue() instanceof org.camunda.bpm.engine.variable.value.SerializableValue serializable
        && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return update.getValue();
  }

  /** The idea's reference: the business key of the instance, or of the idea above an incubation. */
  private String reference(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      return null;
    }
    if (instance.getBusinessKey() == null && instance.getSuperProcessInstanceId() != null) {
      return reference(instance.getSuperProcessInstanceId());
    }
    return instance.getBusinessKey();
  }

  private void comments(String agent, List<Entry> entries) {
    for (IdeaComments.Written comment : comments.writtenBy(agent)) {
      entries.add(new Entry("Commentaire", comment.reference(), "texte", comment.body(), comment.writtenAt()));
      if (comment.hiddenReason() != null) {
        entries.add(new Entry("Commentaire", comment.reference(), "masqué par l'équipe, motif", comment.hiddenReason(),
            comment.writtenAt()));
      }
    }
  }

  private void supports(String agent, List<Entry> entries) {
    for (IdeaSupports.Given support : supports.givenBy(agent)) {
      entries.add(new Entry("Soutien", support.reference(), "soutien", "oui", support.supportedAt()));
    }
  }

  /** The entries by category, in the order they were gathered: what the page shows as counts. */
  public static Map<String, Long> counts(List<Entry> entries) {
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    entries.forEach(e -> counts.merge(e.category(), 1L, Long::sum));
    return counts;
  }
}
