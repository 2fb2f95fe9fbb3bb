package fr.construisons.organisation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may open a page of ours: every page of a controller in {@code fr.construisons} needs a
 * signed-in agent; with this annotation (on the controller or one of its methods), only the
 * members of one of these groups, the others get the French « Accès refusé » page. Saying who may
 * see a page is this one line, read by {@code security}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PageFor {

  /** Group ids ({@link OrganisationDirectory}'s constants). */
  String[] value();
}
