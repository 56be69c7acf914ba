package dev.portal.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The catalogue in headless Chromium: the portal price book's plans with prices, filtered by category. */
@Order(11)
class CatalogPageIT extends WebPagesTestBase {

    @Test
    void the_catalogue_lists_visible_plans_with_monthly_prices_and_filters_by_category() throws IOException {
        logIn(PortalUsers.signedUp("Taiga", "Nomura", PASSWORD));

        browser.press("料金プラン").awaitHeading("料金プラン");
        assertThat(names()).contains("Hikari FTTH 1G", "Hikari FTTH 10G", "SIM Data 3GB", "Secure VPN")
                .doesNotContain("Legacy ADSL 50M");
        assertThat(browser.mainText()).contains("￥5,280").contains("インターネット").contains("VPN");
        browser.inspect("catalog");

        browser.press("SIM");
        assertThat(browser.path()).isEqualTo("/catalog?category=sim");
        assertThat(names()).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("SIM"));
        assertThat(browser.driver.findElement(By.cssSelector("a[aria-current=page][href='/catalog?category=sim']")).getText()).isEqualTo("SIM");

        browser.driver.navigate().back();
        browser.awaitHeading("料金プラン");
        assertThat(names()).as("back shows every category again").contains("Secure VPN");
    }

    private List<String> names() {
        return browser.driver.findElements(By.cssSelector(".product h3")).stream().map(WebElement::getText).toList();
    }
}
