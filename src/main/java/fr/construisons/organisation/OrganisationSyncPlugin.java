package fr.construisons.organisation;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/**
 * Synchronises the organisation file into the identity tables as soon as the engine is built:
 * before deployments, the job executor, the web applications or any request can use a user or a
 * group (the Spring Boot starter creates its admin user at the same point). A file that does not
 * read stops the start-up with the list of what to fix.
 */
class OrganisationSyncPlugin extends AbstractProcessEnginePlugin {

  private final OrganisationFile file;

  public OrganisationSyncPlugin(OrganisationFile file) {
    this.file = file;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    new OrganisationSynchroniser(engine).synchronise(file);
  }
}
