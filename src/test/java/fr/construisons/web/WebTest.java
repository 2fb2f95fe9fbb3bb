package fr.construisons.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application served on a random port, with the REST API ({@code /engine-rest}) and the web
 * applications ({@code /camunda/app/...}) reachable over HTTP. Same configuration as
 * {@link fr.construisons.support.ProcessTest}, so both share one Spring context: add nothing else
 * to the context configuration of such a class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public @interface WebTest {}
