package dev.portal.e2e;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running suite for every end-to-end class of the run: started by the first class that needs it, kept in the
 * root store and stopped when the run ends (the store closes what it holds). {@link LocalSuiteIT} runs last and
 * presses Ctrl-C on it.
 */
final class SuiteExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SuiteExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        suite(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSuite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return suite(context);
    }

    static RunningSuite suite(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent("suite", key -> {
            try {
                RunningSuite suite = RunningSuite.start(Path.of("target", "suite-run-" + System.currentTimeMillis()).toAbsolutePath());
                suite.awaitReady(Duration.ofMinutes(6));
                return suite;
            } catch (Exception e) {
                throw new IllegalStateException("the local suite did not start", e);
            }
        }, RunningSuite.class);
    }
}
