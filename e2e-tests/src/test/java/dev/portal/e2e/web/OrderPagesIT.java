package dev.portal.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Checkout from the catalogue, the order list and the order page with its fulfillment timeline, in headless Chromium:
 * the checkout's refusals as messages, and a retry of the same checkout sent with the same Idempotency-Key.
 */
@Order(14)
class OrderPagesIT extends WebPagesTestBase {

    /** Remembers the Idempotency-Key of every checkout request the page sends (the page keeps running: no reloads). */
    private static final String RECORD_KEYS = """
            window.sentKeys = [];
            const original = window.fetch;
            window.fetch = (url, options = {}) => {
              if (String(url) === '/api/orders' && options.method === 'POST') window.sentKeys.push(options.headers['Idempotency-Key']);
              return original(url, options);
            };
            """;

    @Test
    void without_a_payment_method_checkout_says_so_and_the_retry_places_one_order_with_the_same_key() throws IOException {
        PortalUsers.User user = PortalUsers.signedUp("Sota", "Fujita", PASSWORD);
        logIn(user);
        browser.press("料金プラン").awaitHeading("料金プラン");
        order("Secure VPN");
        assertThat(browser.mainText()).contains("Secure VPN").contains("￥550");
        browser.script(RECORD_KEYS);

        browser.fill("quantity", "11").press("注文を確定する");
        assertThat(browser.fieldError("quantity")).isEqualTo("数量は1〜10の整数で入力してください。");
        browser.fill("quantity", "1").fill("note", "Evenings are best").press("注文を確定する");
        assertThat(browser.alert()).isEqualTo("お支払い方法が登録されていません。お支払い方法を登録してから、もう一度お申し込みください。");
        browser.inspect("checkout");

        SandboxWorld.addCard(user.email());
        browser.press("注文を確定する");
        await("the order page").atMost(Duration.ofSeconds(60)).until(() -> browser.heading().startsWith("ご注文 "));
        browser.awaitIdle();
        assertThat(browser.notice()).startsWith("ご注文を受け付けました(注文番号 ");
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) browser.script("return window.sentKeys");
        assertThat(keys).as("the refused attempt and its retry carry one key").hasSize(2).doesNotContainNull();
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
        assertThat(browser.mainText()).contains("Secure VPN").contains("Evenings are best").contains("確認待ち")
                .contains("開通の手続きはまだ始まっていません");
        String orderId = browser.path().substring("/orders/".length());

        browser.press("注文履歴").awaitHeading("注文履歴");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("main table tbody tr"));
        assertThat(rows).as("one order, however many attempts").hasSize(1);
        assertThat(rows.getFirst().getText()).contains("Secure VPN").contains("確認待ち").contains("未開始").contains("￥550");
        browser.inspect("orders");

        SandboxWorld.approveOrder(orderId);
        await("fulfillment activates the approved order").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> browser.open("/orders/" + orderId).mainText(), text -> text.contains("開通済み"));
        assertThat(steps()).contains("開通手続きの開始 完了", "商品の確認 完了", "ご契約の作成 完了", "開通の完了 完了");
        browser.inspect("order");
    }

    @Test
    void an_internet_plan_for_a_customer_who_already_has_internet_is_refused_with_a_message() {
        PortalUsers.User user = PortalUsers.signedUp("Mei", "Okada", PASSWORD);
        SandboxWorld.addCard(user.email());
        SandboxWorld.addActiveService(user.email(), 1);
        logIn(user);
        browser.open("/catalog?category=internet").awaitHeading("料金プラン");
        order("Hikari FTTH 10G");
        browser.press("注文を確定する");
        assertThat(browser.alert()).isEqualTo("インターネットのご契約がすでにあります。インターネットのプランは1つだけお申し込みいただけます。");

        browser.open("/orders").awaitHeading("注文履歴");
        assertThat(browser.mainText()).contains("まだご注文はありません。");
    }

    @Test
    void another_customers_order_and_an_unknown_plan_are_shown_as_not_found() {
        logIn(PortalUsers.signedUp("Riku", "Sakai", PASSWORD));
        browser.open("/orders/801Sb0000000002IAA").awaitHeading("ご注文");
        assertThat(browser.alert()).isEqualTo("ご注文が見つかりませんでした。");
        browser.open("/checkout?entry=01uSb0000000999IAA").awaitHeading("お申し込み");
        assertThat(browser.alert()).isEqualTo("このプランは見つかりませんでした。料金プランの一覧から選び直してください。");
    }

    /** Presses the plan's order button in the catalogue and waits for the checkout page. */
    private void order(String plan) {
        By button = By.xpath("//li[contains(@class,'product')][h3[normalize-space(.)='" + plan + "']]//a[normalize-space(.)='申し込む']");
        // the list may be drawn again (a language or focus change) between finding the button and pressing it
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(button).click();
            return true;
        });
        browser.awaitHeading("お申し込み");
    }

    /** Each timeline step as "name status". */
    private List<String> steps() {
        return browser.driver.findElements(By.cssSelector(".timeline .step")).stream()
                .map(step -> step.findElement(By.cssSelector(".step-name")).getText() + " " + step.findElement(By.cssSelector(".badge")).getText())
                .toList();
    }
}
