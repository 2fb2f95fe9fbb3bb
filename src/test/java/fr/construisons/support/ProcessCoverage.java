package fr.construisons.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Process-test coverage in the one shared Spring context of the {@link ProcessTest} classes.
 *
 * <p>The library's engine extensions (a parse listener on every element, a compensation handler)
 * are in every such context ({@link Engine}); between coverage classes they report to a collector
 * that ignores everything, since the library's own listeners refuse to run before a coverage class
 * has given them its collector. Outside a {@link FullProcessCoverage} class the library's listener
 * (a default listener of every test class) includes no class; such a class brings its thresholds
 * for its own duration ({@link ClassThresholds}), so that two scenario classes with different
 * exclusions no longer need two Spring contexts.
 */
public final class ProcessCoverage {

  /** Events outside a coverage class: nobody asked for them. */
  private static final Collector IGNORED = event -> {};
  private static final String PROPERTIES_BEAN = "processCoverageProperties";
  /**
   * Outside a coverage class: no test class is included. The library's listener is a default one
   * (spring.factories), so it would otherwise start a suite for every class, whose collector
   * refuses the events of a {@code @BeforeAll} (no run yet).
   */
  private static final ProcessEngineCoverageProperties NO_CLASS = ProcessEngineCoverageProperties.Companion.builder()
      .addInclusionPatternForTestClasses("no test class outside a FullProcessCoverage one")
      .build();

  private ProcessCoverage() {}

  /** Imported by {@link ProcessTest}: the engine extensions, idle until a coverage class starts. */
  @Configuration(proxyBeanMethods = false)
  @Import(ProcessEngineCoverageConfiguration.class)
  public static class Engine {

    /** Primary: the library looks the properties up by type, beside its own defaults. */
    @Bean(PROPERTIES_BEAN)
    @Primary
    static ProcessEngineCoverageProperties processCoverageProperties() {
      return NO_CLASS;
    }

    @Bean
    static BeanPostProcessor idleProcessCoverage() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (bean instanceof ProcessEngine engine) {
            idle(engine);
          }
          return bean;
        }
      };
    }
  }

  private static void idle(ProcessEngine engine) {
    new ProcessEngineAdapter(engine, IGNORED).initializeListeners();
  }

  /**
   * Runs just before the library's listener (which has the lowest precedence) when a class starts,
   * and just after it when the class ends: the class's thresholds as the primary coverage
   * properties while it runs, then the extensions back to idle.
   */
  public static final class ClassThresholds implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
      FullProcessCoverage coverage = coverageOf(testContext);
      if (coverage == null) {
        return;
      }
      ProcessEngineCoverageProperties thresholds = ProcessEngineCoverageProperties.Companion.builder()
          .assertClassCoverageAtLeast(1.0)
          .excludeProcessDefinitionKeys(coverage.excluding())
          .build();
      replaceProperties(registry(testContext.getApplicationContext()), thresholds);
    }

    @Override
    public void afterTestClass(TestContext testContext) {
      if (coverageOf(testContext) == null) {
        return;
      }
      ApplicationContext context = testContext.getApplicationContext();
      replaceProperties(registry(context), NO_CLASS);
      idle(context.getBean(ProcessEngine.class));
    }

    /**
     * The annotation on the class itself: a {@code @Nested} class inherits this listener but runs
     * inside its enclosing class, under the enclosing class's thresholds.
     */
    private static FullProcessCoverage coverageOf(TestContext testContext) {
      return AnnotatedElementUtils.findMergedAnnotation(testContext.getTestClass(), FullProcessCoverage.class);
    }

    private static void replaceProperties(BeanDefinitionRegistry registry, ProcessEngineCoverageProperties properties) {
      registry.removeBeanDefinition(PROPERTIES_BEAN);
      RootBeanDefinition definition = new RootBeanDefinition(ProcessEngineCoverageProperties.class, () -> properties);
      definition.setPrimary(true);
      registry.registerBeanDefinition(PROPERTIES_BEAN, definition);
    }

    private static BeanDefinitionRegistry registry(ApplicationContext context) {
      return (BeanDefinitionRegistry) context.getAutowireCapableBeanFactory();
    }
  }
}
