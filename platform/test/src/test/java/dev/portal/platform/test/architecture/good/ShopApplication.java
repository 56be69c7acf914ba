package dev.portal.platform.test.architecture.good;

/** The application class sits in the base package, above the features. */
public class ShopApplication {
}
