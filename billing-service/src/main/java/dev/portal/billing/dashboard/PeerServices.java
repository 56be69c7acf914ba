package dev.portal.billing.dashboard;

import dev.portal.billing.config.BillingProperties;
import java.net.http.HttpClient;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * GETs to the other services of the suite on the caller's behalf: the caller's own access token is relayed, with
 * connect and read timeouts ({@code portal.billing.dashboard.*}). Boot's builder brings the tracing headers along.
 * Any answer but 2xx JSON is an exception (the section becomes unavailable).
 */
@Component
class PeerServices {

    private final RestClient orders;
    private final RestClient cases;

    PeerServices(RestClient.Builder builder, BillingProperties properties) {
        BillingProperties.Dashboard settings = properties.dashboard();
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.sourceTimeout());
        this.orders = builder.clone().baseUrl(settings.ordersUrl().toString()).requestFactory(requests).build();
        this.cases = builder.clone().baseUrl(settings.casesUrl().toString()).requestFactory(requests).build();
    }

    JsonNode orders(String pathAndQuery, String bearer) {
        return get(orders, pathAndQuery, bearer);
    }

    JsonNode cases(String pathAndQuery, String bearer) {
        return get(cases, pathAndQuery, bearer);
    }

    private static JsonNode get(RestClient peer, String pathAndQuery, String bearer) {
        return peer.get().uri(pathAndQuery)
                .accept(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + bearer)
                .retrieve()
                .body(JsonNode.class);
    }
}
