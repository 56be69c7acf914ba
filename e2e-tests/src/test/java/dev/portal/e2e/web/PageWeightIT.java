package dev.portal.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The weight of the main page (home, logged in) and how soon it is interactive, on a cold cache and a warm one,
 * locally and on an emulated slow phone network; figures go to docs/benchmarks.md, the budgets are checked here.
 * "Interactive" is the client's {@code portal-ready} mark: the page rendered with its data and its handlers
 * attached; the longest main-thread task is reported beside it.
 */
@Order(13)
@ExtendWith(WebSuite.class)
class PageWeightIT {

    private static final String MEASURE = """
            const done = arguments[arguments.length - 1];
            const resources = performance.getEntriesByType('resource');
            const nav = performance.getEntriesByType('navigation')[0];
            const ready = performance.getEntriesByName('portal-ready')[0];
            let longest = 0;
            const observer = new PerformanceObserver(list => list.getEntries().forEach(e => longest = Math.max(longest, e.duration)));
            observer.observe({ type: 'longtask', buffered: true });
            setTimeout(() => {
              observer.disconnect();
              const all = [nav, ...resources];
              done({
                requests: all.length,
                transferred: all.reduce((sum, e) => sum + (e.transferSize || 0), 0),
                decoded: all.reduce((sum, e) => sum + (e.decodedBodySize || 0), 0),
                assets: resources.filter(e => e.name.includes('/app/')).length,
                assetsFetched: resources.filter(e => e.name.includes('/app/') && e.transferSize > 0).length,
                api: resources.filter(e => e.name.includes('/api/')).length,
                domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
                ready: Math.round(ready ? ready.startTime : -1),
                longestTask: Math.round(longest),
              });
            }, 200);
            """;

    @Test
    void the_home_page_is_light_and_interactive_soon_cold_and_warm_locally_and_on_a_slow_network() throws IOException {
        PortalUsers.User user = PortalUsers.signedUp("Kenta", "Hayashi", "a long portal password 1");
        for (boolean slowNetwork : List.of(false, true)) {
            try (Chromium browser = Chromium.start()) {
                browser.actAsClient(PortalUsers.newClientAddress());
                browser.open("/login").awaitHeading("ログイン");
                browser.fill("email", user.email()).fill("password", user.password()).press("ログイン").awaitHeading("ホーム");
                if (slowNetwork) {
                    // a slow phone network: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up
                    browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                            "latency", 150, "downloadThroughput", 200_000, "uploadThroughput", 93_750));
                }
                browser.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
                Map<String, Object> cold = measure(browser);
                Map<String, Object> warm = measure(browser);
                String network = slowNetwork ? "slow network" : "local";
                System.out.printf("page weight, home (%s): cold %s%n", network, cold);
                System.out.printf("page weight, home (%s): warm %s%n", network, warm);

                assertThat((Long) cold.get("transferred")).as("cold transfer, bytes").isLessThan(150_000);
                assertThat((Long) cold.get("ready")).as("cold: interactive (ms)").isPositive()
                        .isLessThan(slowNetwork ? 5_000 : 2_000);
                assertThat((Long) warm.get("assetsFetched")).as("warm: assets come from the cache").isZero();
                assertThat((Long) warm.get("ready")).as("warm: interactive (ms)").isPositive()
                        .isLessThan(slowNetwork ? 2_500 : 1_000);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> measure(Chromium browser) {
        browser.open("/").awaitHeading("ホーム");
        return (Map<String, Object>) browser.driver.executeAsyncScript(MEASURE);
    }
}
