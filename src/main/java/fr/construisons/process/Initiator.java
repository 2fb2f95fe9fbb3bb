package fr.construisons.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The person who starts a process is the authenticated user of the engine call, which the model
 * records with {@code camunda:initiator}. A start that also carries that variable, with another
 * person in it, is somebody speaking in another's name: refused, whatever the way in (the REST
 * API's form contract refuses the field before; this holds for every other caller).
 */
public final class Initiator {

  private Initiator() {}

  public static void check(DelegateExecution start, ProcessVariable<String> initiator) {
    Authentication caller = start.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      // Started by the application itself (a job, a test's engine call): nobody to impersonate.
      return;
    }
    if (!caller.getUserId().equals(initiator.from(start).orElse(null))) {
      throw new InvalidFormDataException(List.of("l'auteur d'une demande est toujours l'agent connecté : "
          + "la variable « " + initiator.name() + " » ne peut pas être envoyée"));
    }
  }
}
