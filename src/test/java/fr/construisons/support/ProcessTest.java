package fr.construisons.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application with the real engine, H2 in memory, the demo organisation and GreenMail, served
 * on a random port (REST API and web applications reachable); jobs do not run by themselves, the
 * test runs them (see {@link Jobs}). All such tests share one Spring context: add nothing to the
 * context configuration of such a class (a scenario class that checks process coverage says so
 * with {@link FullProcessCoverage}, which keeps the context). The data source records any thread
 * that takes a second connection while holding one ({@link ConnectionNesting}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import({ProcessCoverage.Engine.class, ConnectionNesting.Wrapping.class})
public @interface ProcessTest {}
