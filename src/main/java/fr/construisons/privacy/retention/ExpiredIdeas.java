package fr.construisons.privacy.retention;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The multi-instance collection of the retention process: {@code ${expiredIdeasVariable.of(execution)}}. */
@Component("expiredIdeasVariable")
public class ExpiredIdeas {

  public List<String> of(VariableScope scope) {
    return Retention.EXPIRED_IDEAS.required(scope);
  }
}
