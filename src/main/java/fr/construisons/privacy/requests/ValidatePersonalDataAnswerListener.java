package fr.construisons.privacy.requests;

import fr.construisons.process.TaskFormValidation;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The team's answer form, checked on the server when the task is completed (Tasklist or REST). */
@Component("validatePersonalDataAnswerListener")
class ValidatePersonalDataAnswerListener extends TaskFormValidation {

  public ValidatePersonalDataAnswerListener(PersonalDataRequests requests) {
    super(PersonalDataRequest.PROCESS_KEY,
        Map.of(PersonalDataRequest.Elements.TASK_PROCESS_REQUEST, requests::checkAnswer),
        Map.of(PersonalDataRequest.Elements.TASK_PROCESS_REQUEST, new ExcludedActor(PersonalDataRequest.REQUESTER,
            "c'est votre propre demande : un autre membre de l'équipe Construisons! y répond")));
  }
}
