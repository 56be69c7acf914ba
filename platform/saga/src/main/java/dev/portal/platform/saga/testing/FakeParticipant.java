package dev.portal.platform.saga.testing;

import dev.portal.platform.errors.RuleViolation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A participant a step calls with its idempotency key, scripted call by call: it succeeds (applying its effect once
 * per key, as a participant that deduplicates would), fails transiently, refuses, or takes the process down before or
 * after applying its effect. When the script is used up, it succeeds.
 */
public final class FakeParticipant {

    /** What one call does. */
    public enum Reply {
        SUCCEED, FAIL_TRANSIENTLY, REFUSE, CRASH_BEFORE, CRASH_AFTER
    }

    /** A transient failure (the engine retries it). */
    public static final class Unavailable extends RuntimeException {

        Unavailable(String participant) {
            super(participant + " is unavailable");
        }
    }

    /** A permanent refusal (the engine compensates). */
    public static final class Refused extends RuleViolation {

        Refused(String participant) {
            super("participant-refused", "Refused", participant + " refused the request");
        }
    }

    private final String name;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> effects = Collections.synchronizedSet(new LinkedHashSet<>());

    private FakeParticipant(String name) {
        this.name = name;
    }

    public static FakeParticipant named(String name) {
        return new FakeParticipant(name);
    }

    /** Appends replies to the script. */
    public synchronized FakeParticipant then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public FakeParticipant failsTransiently(int times) {
        for (int i = 0; i < times; i++) {
            then(Reply.FAIL_TRANSIENTLY);
        }
        return this;
    }

    public FakeParticipant refuses() {
        return then(Reply.REFUSE);
    }

    /** Every call from now on fails transiently. */
    public synchronized FakeParticipant staysDown() {
        script.clear();
        for (int i = 0; i < 10_000; i++) {
            script.add(Reply.FAIL_TRANSIENTLY);
        }
        return this;
    }

    /** Clears the script: calls succeed again. */
    public synchronized FakeParticipant recovers() {
        script.clear();
        return this;
    }

    /** One call; throws as scripted. */
    public void call(String idempotencyKey) {
        Reply reply;
        synchronized (this) {
            calls.add(idempotencyKey);
            reply = script.isEmpty() ? Reply.SUCCEED : script.poll();
        }
        switch (reply) {
            case SUCCEED -> effects.add(idempotencyKey);
            case FAIL_TRANSIENTLY -> throw new Unavailable(name);
            case REFUSE -> throw new Refused(name);
            case CRASH_BEFORE -> throw new SimulatedCrash("before " + name + " was called");
            case CRASH_AFTER -> {
                effects.add(idempotencyKey);
                throw new SimulatedCrash("after " + name + " applied " + idempotencyKey);
            }
        }
    }

    /** Every key it was called with, in order, repeats included. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The keys whose effect it applied (once each). */
    public List<String> effects() {
        return List.copyOf(effects);
    }

    public String name() {
        return name;
    }
}
