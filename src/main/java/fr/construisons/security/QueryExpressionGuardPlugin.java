package fr.construisons.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Installs {@link QueryExpressionGuard} in both command chains of the engine, after the
 * command-context interceptor ("post" interceptors). The Camunda starter applies every
 * {@code ProcessEnginePlugin} bean.
 */
@Component
class QueryExpressionGuardPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        withGuard(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        withGuard(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> chain = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    chain.add(new QueryExpressionGuard());
    return chain;
  }

  @Override
  public String toString() {
    return "QueryExpressionGuardPlugin";
  }
}
