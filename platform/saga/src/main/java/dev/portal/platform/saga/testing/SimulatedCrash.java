package dev.portal.platform.saga.testing;

/**
 * The process dies here: thrown by a fake participant, it is an {@link Error}, which the engine does not catch, so
 * the instance stays as a dead process leaves it (running, under a lease that will expire) and the test resumes it.
 */
public class SimulatedCrash extends Error {

    public SimulatedCrash(String where) {
        super("simulated crash: " + where, null, false, false);
    }
}
