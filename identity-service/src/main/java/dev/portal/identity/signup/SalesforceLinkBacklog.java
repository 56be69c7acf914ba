package dev.portal.identity.signup;

import dev.portal.platform.saga.SagaMonitor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code portal.identity.signup.salesforce.pending}: signups and account links whose portal user exists but whose
 * Salesforce Account update is still being retried or is parked; what the signups-parked alert watches.
 */
@Component
class SalesforceLinkBacklog {

    SalesforceLinkBacklog(SagaMonitor monitor, MeterRegistry meters) {
        Gauge.builder("portal.identity.signup.salesforce.pending", monitor, sagas ->
                        sagas.counts().onStep(SignupSagas.SIGNUP, SignupSagas.LINK_SALESFORCE_ACCOUNT)
                                + sagas.counts().onStep(SignupSagas.ACCOUNT_LINK, SignupSagas.LINK_SALESFORCE_ACCOUNT))
                .description("signups whose Salesforce Account update is retried or parked").register(meters);
    }
}
