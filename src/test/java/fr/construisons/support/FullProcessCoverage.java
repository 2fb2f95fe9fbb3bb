package fr.construisons.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

/**
 * On a {@link ProcessTest} class: the class fails unless every flow node and sequence flow of the
 * models it runs (but those {@link #excluding() excluded}) is covered; the report is in
 * target/process-test-coverage/. It runs in the shared Spring context: the coverage's engine
 * extensions are always there (see {@link ProcessCoverage}), only the thresholds are the class's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestExecutionListeners(
    listeners = {ProcessCoverage.ClassThresholds.class, ProcessEngineCoverageTestExecutionListener.class},
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface FullProcessCoverage {

  /** Keys of process definitions that another scenario class covers. */
  String[] excluding() default {};
}
