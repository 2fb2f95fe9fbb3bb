package fr.construisons.incubation;

import static fr.construisons.incubation.Incubation.IDEATOR;
import static fr.construisons.incubation.Incubation.LINE_MANAGER;

import fr.construisons.organisation.OrganisationDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Identifier la hiérarchie de l'agent". An agent without a manager in the directory is a data
 * problem, not a business outcome: the job fails into an incident that says what to fix, and
 * resumes once the directory is corrected.
 */
@Component("resolveLineManagerDelegate")
public class ResolveLineManagerDelegate implements JavaDelegate {

  private final OrganisationDirectory organisation;

  public ResolveLineManagerDelegate(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String ideator = IDEATOR.required(execution);
    String manager = organisation.lineManagerOf(ideator)
        .orElseThrow(() -> new IllegalStateException("Aucune hiérarchie connue pour l'agent « " + ideator
            + " » dans l'annuaire : renseignez-la, puis relancez le job dans Cockpit"))
        .id();
    LINE_MANAGER.set(execution, manager);
  }
}
