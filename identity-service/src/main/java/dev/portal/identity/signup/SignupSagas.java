package dev.portal.identity.signup;

import dev.portal.identity.config.IdentityProperties;
import dev.portal.platform.events.Topics;
import dev.portal.platform.saga.SagaDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two ways a customer gets a portal account, as sagas read top to bottom. None of their steps has a
 * compensation: a WHMCS client without a portal user is reused by the next attempt of the same signup, and once the
 * portal user exists the customer keeps it; what cannot be finished parks for an operator.
 */
@Configuration(proxyBeanMethods = false)
class SignupSagas {

    static final String SIGNUP = "signup";
    static final String ACCOUNT_LINK = "account-link";
    static final String CREATE_WHMCS_CLIENT = "create-whmcs-client";
    static final String CREATE_PORTAL_USER = "create-portal-user";
    static final String LINK_SALESFORCE_ACCOUNT = "link-salesforce-account";

    /** A new customer: a new WHMCS client, the portal user, the Salesforce Account marked registered. */
    static SagaDefinition<Registration> signup(CreateWhmcsClient whmcs, CreatePortalUser users, LinkSalesforceAccount salesforce,
                                               int salesforceAttempts) {
        return SagaDefinition.named(SIGNUP, Registration.class)
                .step(CREATE_WHMCS_CLIENT).invoke(whmcs)
                .step(CREATE_PORTAL_USER).invokeLocal(users)
                .step(LINK_SALESFORCE_ACCOUNT).invoke(salesforce).maxAttempts(salesforceAttempts)
                .onParked(Topics.IDENTITY_USER_EVENTS, salesforce::parkedEvent)
                .build();
    }

    /** An existing WHMCS client that proved its password: the portal user, the Salesforce Account marked registered. */
    static SagaDefinition<Registration> accountLink(CreatePortalUser users, LinkSalesforceAccount salesforce, int salesforceAttempts) {
        return SagaDefinition.named(ACCOUNT_LINK, Registration.class)
                .step(CREATE_PORTAL_USER).invokeLocal(users)
                .step(LINK_SALESFORCE_ACCOUNT).invoke(salesforce).maxAttempts(salesforceAttempts)
                .onParked(Topics.IDENTITY_USER_EVENTS, salesforce::parkedEvent)
                .build();
    }

    @Bean
    SagaDefinition<Registration> signupSaga(CreateWhmcsClient whmcs, CreatePortalUser users, LinkSalesforceAccount salesforce,
                                            IdentityProperties properties) {
        return signup(whmcs, users, salesforce, properties.salesforceLinkAttempts());
    }

    @Bean
    SagaDefinition<Registration> accountLinkSaga(CreatePortalUser users, LinkSalesforceAccount salesforce,
                                                 IdentityProperties properties) {
        return accountLink(users, salesforce, properties.salesforceLinkAttempts());
    }
}
