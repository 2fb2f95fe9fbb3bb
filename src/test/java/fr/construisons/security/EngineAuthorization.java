package fr.construisons.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Switches the engine's authorization checks on for the length of a test and back to what they
 * were, so a test about permissions holds whether or not the configuration already enables them.
 * Tests of the shared context run one after the other, so the switch never leaks into another.
 */
final class EngineAuthorization implements AutoCloseable {

  private final ProcessEngineConfigurationImpl configuration;
  private final boolean before;

  private EngineAuthorization(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.before = configuration.isAuthorizationEnabled();
    configuration.setAuthorizationEnabled(true);
  }

  static EngineAuthorization enabled(ProcessEngine engine) {
    return new EngineAuthorization(engine);
  }

  @Override
  public void close() {
    configuration.setAuthorizationEnabled(before);
  }
}
