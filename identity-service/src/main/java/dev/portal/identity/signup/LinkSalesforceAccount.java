package dev.portal.identity.signup;

import dev.portal.platform.errors.UpstreamFailure;
import dev.portal.platform.events.DomainEvent;
import dev.portal.platform.saga.ParkedSaga;
import dev.portal.platform.saga.SagaParked;
import dev.portal.platform.saga.StepAction;
import dev.portal.platform.saga.StepContext;
import dev.portal.platform.saga.StepOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Marks the customer's Salesforce Account registered with its WHMCS client. The portal user exists by now, so a
 * failure of any kind (away, slow, or refusing) is retried, never compensated: the saga parks after its last
 * attempt with {@link SalesforceLinkParked} and {@code portal.identity.signup.salesforce.parked}, for an operator.
 */
@Component
class LinkSalesforceAccount implements StepAction<Registration> {

    private static final Logger log = LoggerFactory.getLogger(LinkSalesforceAccount.class);

    private final SalesforceCustomers salesforce;
    private final Counter parked;

    LinkSalesforceAccount(SalesforceCustomers salesforce, MeterRegistry meters) {
        this.salesforce = salesforce;
        this.parked = Counter.builder("portal.identity.signup.salesforce.parked")
                .description("signups whose Salesforce Account update ran out of attempts").register(meters);
    }

    @Override
    public StepOutcome<Registration> apply(StepContext<Registration> step) {
        Registration registration = step.data();
        try {
            salesforce.markRegistered(registration.sfAccountId(), registration.whmcsClientId(), registration.registeredAt());
        } catch (UpstreamFailure failure) {
            return step.retryLater(failure);
        }
        log.info("user {}: Salesforce Account {} marked registered", registration.userId(), registration.sfAccountId());
        return step.done();
    }

    /** The event a parked signup or link publishes: {@link SalesforceLinkParked} when it parked on this step. */
    DomainEvent parkedEvent(ParkedSaga<Registration> parkedSaga) {
        if (!parkedSaga.step().equals(SignupSagas.LINK_SALESFORCE_ACCOUNT)) {
            return SagaParked.of(parkedSaga);
        }
        parked.increment();
        Registration registration = parkedSaga.data();
        return new SalesforceLinkParked(registration.userId(), registration.sfAccountId(), registration.whmcsClientId(),
                parkedSaga.reason(), parkedSaga.parkedAt());
    }
}
