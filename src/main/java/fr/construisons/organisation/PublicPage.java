package fr.construisons.organisation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page of ours that anyone may open without signing in (the login page, the intranet feed of
 * the latest ideas). Every other page of a controller in {@code fr.construisons} needs a signed-in
 * agent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicPage {}
