package dev.portal.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wire name of an event: {@code portal.<domain>.<past-tense>.v<N>}, e.g. {@code portal.order.submitted.v1}
 * (bridged Salesforce changes: {@code salesforce.cdc.<entity>.changed.v<N>}).
 * This, never the Java class name, is the contract with consumers; renaming the class changes nothing on the wire.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventType {

    String value();
}
