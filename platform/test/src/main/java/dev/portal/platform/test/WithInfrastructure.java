package dev.portal.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test context at the per-JVM test infrastructure: {@code spring.kafka.bootstrap-servers}
 * and, when {@link #postgres()} is set, a fresh database of its own in {@code spring.datasource.*}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithInfrastructure {

    boolean kafka() default true;

    boolean postgres() default true;
}
