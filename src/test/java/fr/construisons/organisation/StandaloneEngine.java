package fr.construisons.organisation;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * A bare 7.24 engine on its own in-memory H2 database, without Spring: synchronisation tests must
 * not disable the demo users of the shared application context, and each wants a fresh database.
 */
final class StandaloneEngine {

  private StandaloneEngine() {}

  static ProcessEngine start(String name, boolean passwordPolicy, boolean authorization) {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setDbMetricsReporterActivate(false);
    // As in application.yml: the scheme's group ids are hyphenated.
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    configuration.setEnablePasswordPolicy(passwordPolicy);
    configuration.setAuthorizationEnabled(authorization);
    return configuration.buildProcessEngine();
  }
}
