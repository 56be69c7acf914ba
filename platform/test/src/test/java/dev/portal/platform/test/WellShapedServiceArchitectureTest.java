package dev.portal.platform.test;

import com.tngtech.archunit.core.domain.JavaClasses;

/** What a service inherits, run on the well-shaped fixture service: every convention passes. */
class WellShapedServiceArchitectureTest extends ArchitectureConventions {

    @Override
    protected String basePackage() {
        return ServiceArchitectureTest.GOOD;
    }

    @Override
    protected JavaClasses classes() {
        return ServiceArchitectureTest.GOOD_CLASSES;
    }
}
