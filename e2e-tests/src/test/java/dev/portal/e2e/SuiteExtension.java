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
public final class SuiteExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SuiteExtension.class);
    /**
     * The launcher's own limit ({@code PORTAL_READY_TIMEOUT_SECONDS}, inherited by it; 300 s) and a minute for it to
     * print the table: one setting lets a loaded machine start the suite.
     */
    private static final Duration READY_WITHIN = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("PORTAL_READY_TIMEOUT_SECONDS", "300")) + 60);

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
        Start start = context.getRoot().getStore(NAMESPACE).computeIfAbsent("suite", key -> Start.now(), Start.class);
        if (start.failure != null) {
            throw new AssertionError("the local suite did not start (once is enough: not trying again)", start.failure);
        }
        return start.suite;
    }

    /** The one attempt of a run: a ready suite, or why it was not, with whatever it had started stopped again. */
    private record Start(RunningSuite suite, Throwable failure) implements AutoCloseable {

        static Start now() {
            RunningSuite suite = null;
            try {
                suite = RunningSuite.start(Path.of("target", "suite-run-" + System.currentTimeMillis()).toAbsolutePath());
                suite.awaitReady(READY_WITHIN);
                return new Start(suite, null);
            } catch (Throwable e) {
                stopQuietly(suite, e);
                return new Start(null, e);
            }
        }

        private static void stopQuietly(RunningSuite suite, Throwable cause) {
            if (suite == null) {
                return;
            }
            try {
                suite.interrupt(Duration.ofSeconds(90));
            } catch (Throwable stopFailure) {
                cause.addSuppressed(stopFailure);
                suite.close();
            }
        }

        @Override
        public void close() {
            if (suite != null) {
                suite.close();
            }
        }
    }
}
