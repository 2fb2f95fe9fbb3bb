package fr.construisons.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * At start-up the application deploys only the models, decisions and forms of {@code processes/}
 * and {@code forms/} whose file changed since its own last deployment.
 *
 * <p>Why: a process owner changes a model in Camunda Modeler and deploys it to the running
 * application (docs/modeler.md). With the engine's default (the whole set is deployed again as soon
 * as one file differs), the next release that touches any model would silently replace every
 * model the process owner changed by the files of the release. Changed-only keeps a model deployed
 * from the Modeler the latest version until the application's own file of that model changes.
 */
@Component
class DeployChangedModelsOnly extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration instanceof SpringProcessEngineConfiguration spring) {
      spring.setDeployChangedOnly(true);
    }
  }
}
