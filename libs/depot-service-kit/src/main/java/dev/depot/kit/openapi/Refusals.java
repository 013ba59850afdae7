package dev.depot.kit.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an endpoint answers, by {@code code} (one of the service's {@link
 * dev.depot.kit.problem.ProblemCatalog}), beyond those of every endpoint (an unreadable, invalid or
 * unsupported body, a missing token): its OpenAPI operation lists them under their statuses.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refusals {

    String[] value();
}
