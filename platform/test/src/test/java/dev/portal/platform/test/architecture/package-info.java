/**
 * Fixtures for the architecture rules: {@code good} is a small service shaped as STYLE.md asks; each package under
 * {@code broken} breaks exactly one rule. Never loaded by Spring; only their class files are read.
 */
package dev.portal.platform.test.architecture;
