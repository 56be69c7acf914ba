package dev.portal.identity.signup;

import java.util.Optional;

/** The newest submission per signup (the saga's business key), read by the steps that create things from it. */
interface Submissions {

    Optional<Submission> newest(String businessKey);

    /** The portal user exists: the submission (and its password hash) goes, in the caller's transaction. */
    void forget(String businessKey);
}
