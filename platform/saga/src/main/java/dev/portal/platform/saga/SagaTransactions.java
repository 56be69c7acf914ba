package dev.portal.platform.saga;

import java.util.function.Supplier;

/** Runs the engine's bookkeeping (and local steps) in a transaction of its own. */
@FunctionalInterface
public interface SagaTransactions {

    <T> T inTransaction(Supplier<T> work);
}
