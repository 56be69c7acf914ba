package dev.portal.sandbox.salesforce.streaming;

import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.server.AbstractServerTransport;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.http.JSONHttpTransport;
import org.cometd.server.http.jakarta.CometDServlet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Bayeux server behind {@code /salesforce/cometd/<version>}: long-polling only, Salesforce's connect timeout
 * and client expiry. The server is created here (so the simulator can use it before Tomcat starts) and handed to
 * CometD's servlet through the servlet context attribute the servlet looks for.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SalesforceStreamingSettings.class)
class SalesforceCometdServer {

    static final String PATH = "/salesforce/cometd";

    @Bean(destroyMethod = "stop")
    BayeuxServerImpl salesforceBayeuxServer(SalesforceStreamingSettings settings) throws Exception {
        BayeuxServerImpl bayeux = new BayeuxServerImpl();
        bayeux.setOption(BayeuxServerImpl.TRANSPORTS_OPTION, JSONHttpTransport.class.getName());
        bayeux.setOption(AbstractServerTransport.TIMEOUT_OPTION, settings.timeout().toMillis());
        bayeux.setOption(AbstractServerTransport.INTERVAL_OPTION, 0L);
        bayeux.setOption(AbstractServerTransport.MAX_INTERVAL_OPTION, settings.maxInterval().toMillis());
        // events travel only in /meta/connect answers, as Salesforce sends them
        bayeux.setOption(AbstractServerTransport.META_CONNECT_DELIVERY_OPTION, true);
        bayeux.setOption(BayeuxServerImpl.SWEEP_PERIOD_OPTION, settings.sweepPeriod().toMillis());
        bayeux.start();
        return bayeux;
    }

    @Bean
    ServletContextInitializer salesforceBayeuxServerAttribute(BayeuxServerImpl salesforceBayeuxServer) {
        return context -> context.setAttribute(BayeuxServer.ATTRIBUTE, salesforceBayeuxServer);
    }

    @Bean
    ServletRegistrationBean<CometDServlet> salesforceCometdServlet() {
        ServletRegistrationBean<CometDServlet> registration = new ServletRegistrationBean<>(new CometDServlet(), PATH + "/*");
        registration.setName("salesforce-cometd");
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        return registration;
    }
}
