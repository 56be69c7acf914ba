package dev.portal.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Support cases in headless Chromium: opening one (its rules checked in the page first), the list with its status
 * filter, and a case's page with the answers an agent published (never the internal notes).
 */
@Order(15)
class CasePagesIT extends WebPagesTestBase {

    @Test
    void a_customer_opens_a_case_sees_the_agents_public_answer_and_finds_it_under_closed_once_closed() throws IOException {
        logIn(PortalUsers.signedUp("Nanami", "Ueda", PASSWORD));
        browser.press("お問い合わせ").awaitHeading("お問い合わせ");
        assertThat(browser.mainText()).contains("該当するお問い合わせはありません。");
        browser.press("新しくお問い合わせする").awaitHeading("新しいお問い合わせ");
        browser.inspect("case-new");

        browser.press("送信する");
        assertThat(browser.fieldError("subject")).isEqualTo("入力してください。");
        assertThat(browser.fieldError("description")).isEqualTo("入力してください。");
        browser.fill("subject", "No signal since Monday").fill("description", "The router shows a red light.\nRestarting did not help.")
                .choose("category", "インターネット").press("送信する");
        browser.awaitHeading("No signal since Monday");
        assertThat(browser.notice()).startsWith("お問い合わせを受け付けました(番号 ");
        assertThat(browser.mainText()).contains("受付済み").contains("インターネット").contains("Restarting did not help.")
                .contains("まだ回答はありません。");
        String caseId = browser.path().substring("/cases/".length());

        SandboxWorld.commentOnCase(caseId, "We are sending a technician on Thursday.", true);
        SandboxWorld.commentOnCase(caseId, "Internal: check the line card first.", false);
        SandboxWorld.moveCase(caseId, "Working");
        browser.open("/cases/" + caseId).awaitHeading("No signal since Monday");
        assertThat(browser.mainText()).contains("We are sending a technician on Thursday.").contains("対応中")
                .doesNotContain("Internal: check the line card first.");
        browser.inspect("case");

        browser.press("お問い合わせ一覧に戻る").awaitHeading("お問い合わせ");
        browser.press("対応中");
        assertThat(browser.path()).isEqualTo("/cases?status=open");
        assertThat(rows()).isEqualTo(1);
        browser.inspect("cases");
        browser.press("完了");
        assertThat(browser.mainText()).contains("該当するお問い合わせはありません。");

        SandboxWorld.moveCase(caseId, "Closed");
        await("the closed case under the closed filter").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    browser.open("/cases?status=closed");
                    return rows();
                }, count -> count == 1);
        assertThat(browser.mainText()).contains("No signal since Monday");
    }

    @Test
    void another_customers_case_is_not_found() {
        logIn(PortalUsers.signedUp("Kaito", "Hirano", PASSWORD));
        browser.open("/cases/500Sb0000000001IAA").awaitHeading("お問い合わせ");
        assertThat(browser.alert()).isEqualTo("お問い合わせが見つかりませんでした。");
    }

    private int rows() {
        return browser.driver.findElements(By.cssSelector("main table tbody tr")).size();
    }
}
