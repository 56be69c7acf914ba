package dev.portal.e2e.web;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test class of the portal's pages shares: the running suite, one Chromium per class, a fresh
 * visitor per test (no cookies, no stored language, a client address of its own: see {@link PortalUsers}) and
 * logging in through the login page.
 */
@ExtendWith(WebSuite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebPagesTestBase {

    static final String PASSWORD = "a long portal password 1";

    Chromium browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = Chromium.start();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        browser.close();
    }

    @BeforeEach
    void freshVisitor() {
        browser.forgetEverything();
        browser.actAsClient(PortalUsers.newClientAddress());
    }

    /** Logs in through the login page (in Japanese, the default) and waits for the home page. */
    void logIn(PortalUsers.User user) {
        browser.open("/login").awaitHeading("ログイン");
        browser.fill("email", user.email()).fill("password", user.password()).press("ログイン").awaitHeading("ホーム");
    }
}
