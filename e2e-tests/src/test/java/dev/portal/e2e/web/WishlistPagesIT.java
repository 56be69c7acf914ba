package dev.portal.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Wishlist groups in headless Chromium: a group with its Stripe subscription and members, temporary and official
 * wishlists, and the subscription's limits shown as messages (409 over the plan's quota, 402 once cancelled).
 */
@Order(12)
class WishlistPagesIT extends WebPagesTestBase {

    @Test
    void an_owner_sets_up_a_group_with_a_member_and_a_wishlist_converted_from_a_draft_that_the_member_sees() throws IOException {
        PortalUsers.User owner = PortalUsers.signedUp("Haruto", "Matsumoto", PASSWORD);
        PortalUsers.User member = PortalUsers.signedUp("Akari", "Inoue", PASSWORD);
        String subscription = SandboxWorld.newSubscription(5);
        logIn(owner);

        browser.open("/wishlists").awaitHeading("ウィッシュリスト");
        assertThat(browser.mainText()).contains("まずグループに参加するか、グループを作成してください");
        browser.press("グループを作成する").awaitHeading("グループ");
        browser.fill("name", "Matsumoto family").press("グループを作成").awaitHeading("Matsumoto family");
        assertThat(browser.notice()).isEqualTo("グループ「Matsumoto family」を作成しました。");
        assertThat(browser.mainText()).contains("サブスクリプションが未登録のため");

        browser.fill("stripe_subscription_id", "not-a-subscription").press("サブスクリプションを登録");
        assertThat(browser.fieldError("stripe_subscription_id")).isEqualTo("「sub_」で始まる ID を入力してください。");
        browser.fill("stripe_subscription_id", subscription).press("サブスクリプションを登録");
        assertThat(browser.notice()).isEqualTo("サブスクリプションを登録しました。");

        browser.fill("user_id", member.userId()).press("メンバーを追加");
        assertThat(browser.notice()).isEqualTo("メンバーを追加しました。");
        assertThat(browser.mainText()).contains(member.userId()).contains("メンバー");
        browser.inspect("group");

        browser.open("/groups").awaitHeading("グループ");
        assertThat(browser.mainText()).contains("Matsumoto family").contains("オーナー").contains("登録済み");
        browser.inspect("groups");

        browser.press("一時ウィッシュリスト").awaitHeading("一時ウィッシュリスト");
        browser.fill("name", "Moving house").fill("products", "FTTH-1G 1\nSIM-DV-10 2").fill("categories", "internet\nsim")
                .press("作成する");
        assertThat(browser.notice()).isEqualTo("「Moving house」を作成しました。");
        browser.inspect("temp-wishlists");

        browser.press("公式に変換").awaitHeading("ウィッシュリスト");
        assertThat(browser.path()).startsWith("/wishlists?convert=");
        browser.fill("description", "What we need in the new flat").press("作成する").awaitHeading("Moving house");
        assertThat(browser.notice()).isEqualTo("ウィッシュリスト「Moving house」を作成しました。");
        assertThat(browser.mainText()).contains("FTTH-1G").contains("SIM-DV-10").contains("2 商品(計 3 点)").contains("有効");
        browser.inspect("wishlist");

        browser.press("ウィッシュリスト一覧に戻る").awaitHeading("ウィッシュリスト");
        assertThat(browser.driver.findElements(By.cssSelector("main table tbody tr"))).hasSize(1);
        browser.inspect("wishlists");

        browser.press("ログアウト").awaitHeading("ログイン");
        logIn(member);
        browser.open("/wishlists").awaitHeading("ウィッシュリスト");
        browser.press("Moving house").awaitHeading("Moving house");
        assertThat(browser.mainText()).contains("What we need in the new flat");
    }

    @Test
    void the_plans_limit_is_a_409_message_and_a_cancelled_subscription_a_402_message() {
        PortalUsers.User owner = PortalUsers.signedUp("Yuto", "Kimura", PASSWORD);
        String subscription = SandboxWorld.newSubscription(1);
        logIn(owner);
        browser.open("/groups").awaitHeading("グループ");
        browser.fill("name", "Kimura shop").press("グループを作成").awaitHeading("Kimura shop");
        browser.fill("stripe_subscription_id", subscription).press("サブスクリプションを登録");
        long groupId = Long.parseLong(browser.path().substring("/groups/".length()));

        browser.open("/wishlists").awaitHeading("ウィッシュリスト");
        browser.fill("name", "Shelves").fill("products", "SHELF-A 2").press("作成する").awaitHeading("Shelves");

        browser.open("/wishlists").awaitHeading("ウィッシュリスト");
        browser.fill("name", "Lamps").press("作成する");
        assertThat(browser.alert()).isEqualTo("プランで作成できるウィッシュリストの上限に達しています。不要なものをキャンセルするか、プランを変更してください。");

        // with the quota full, a probe is refused 409 until the cancellation has arrived, then 402: it creates nothing
        SandboxWorld.cancelSubscription(subscription);
        await("the cancellation reaches the wishlist service by webhook").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> PortalUsers.createWishlistAnswer(owner, groupId, "probe"), answer -> answer.startsWith("402"));

        browser.open("/wishlists").awaitHeading("ウィッシュリスト");
        browser.press("Shelves").awaitHeading("Shelves");
        browser.press("このウィッシュリストをキャンセル");
        assertThat(browser.notice()).isEqualTo("キャンセルしました。");
        assertThat(browser.mainText()).contains("キャンセル済み");

        browser.press("このウィッシュリストを再開");
        assertThat(browser.alert()).isEqualTo("このグループのサブスクリプションはキャンセルされています。新しいウィッシュリストは作成できません。");
        browser.open("/wishlists").awaitHeading("ウィッシュリスト");
        browser.fill("name", "Lamps").press("作成する");
        assertThat(browser.alert()).isEqualTo("このグループのサブスクリプションはキャンセルされています。新しいウィッシュリストは作成できません。");
    }
}
