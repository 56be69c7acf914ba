package dev.portal.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * Signing up (with the signup email's own code when it is not the address on file), linking, logging in and out, the
 * login limit, the password reset from the mailed link, the profile with password and email changes, and the language,
 * in headless Chromium through the gateway. Each test has its own customers and client address.
 */
@Order(10)
class AccountPagesIT extends WebPagesTestBase {

    @Test
    void signup_checks_fields_in_the_page_and_on_the_server_then_logs_the_new_customer_in() throws IOException {
        SandboxWorld.Customer customer = SandboxWorld.newCustomer("Hiroshi", "Mori");
        browser.open("/signup").awaitHeading("新規登録");
        browser.inspect("signup");

        browser.press("コードを送る");
        assertThat(browser.fieldError("customerNumber")).isEqualTo("入力してください。");
        browser.fill("password", "short").press("登録する");
        assertThat(browser.focused().getText()).as("the error summary takes the focus").contains("入力内容を確認してください");
        assertThat(browser.fieldError("ownershipCode")).isEqualTo("入力してください。");
        assertThat(browser.fieldError("password")).isEqualTo("パスワードは10〜128文字で入力してください。");

        fillSignup("WEB-NO-SUCH-CUSTOMER", "00000000", customer.email(), customer);
        browser.press("登録する");
        assertThat(browser.alert()).isEqualTo("このお客さま番号は見つかりませんでした。番号をご確認ください。");

        // the number alone claims nothing: the code goes to the contact email on file for it
        fillSignup(customer.customerNumber(), "00000000", customer.email(), customer);
        browser.press("登録する");
        assertThat(browser.alert()).startsWith("コードが正しくないか");
        browser.press("コードを送る");
        assertThat(browser.notice()).contains(customer.customerNumber());
        String code = SandboxWorld.signupCode(customer.email());

        // the page accepts this address, the server's stricter check does not: its field error lands next to the field
        fillSignup(customer.customerNumber(), code, "hiroshi..mori@example.jp", customer);
        browser.press("登録する");
        assertThat(browser.fieldError("email")).isEqualTo("メールアドレスの形式で入力してください。");

        fillSignup(customer.customerNumber(), code, customer.email(), customer);
        browser.press("登録する").awaitHeading("ホーム");
        assertThat(browser.notice()).isEqualTo("登録が完了しました。ようこそ!");
        assertThat(browser.mainText()).contains("ようこそ、Mori Hiroshi さん").contains(customer.email());
        assertThat(browser.path()).isEqualTo("/");
    }

    @Test
    void a_signup_email_other_than_the_one_on_file_is_confirmed_with_the_code_mailed_to_it_before_the_customer_is_in() {
        SandboxWorld.Customer customer = SandboxWorld.newCustomer("Kenta", "Ishii");
        String personal = "personal-" + customer.email();
        browser.open("/signup").awaitHeading("新規登録");
        browser.fill("customerNumber", customer.customerNumber()).press("コードを送る");
        fillSignup(customer.customerNumber(), SandboxWorld.signupCode(customer.email()), personal, customer);

        browser.press("登録する");
        assertThat(browser.mainText()).contains("あと一歩です。" + personal + " 宛てに確認コードをお送りしました");
        String code = SandboxWorld.emailConfirmationCode(personal);
        browser.fill("emailCode", code.equals("00000000") ? "11111111" : "00000000").press("確認して登録する");
        assertThat(browser.alert()).startsWith("確認コードが正しくないか");

        browser.fill("emailCode", code).press("確認して登録する").awaitHeading("ホーム");
        assertThat(browser.notice()).isEqualTo("登録が完了しました。ようこそ!");
        assertThat(browser.mainText()).contains(personal);
    }

    @Test
    void linking_refuses_a_wrong_billing_password_then_connects_the_existing_contract() throws IOException {
        SandboxWorld.Customer customer = SandboxWorld.newBillingCustomer("Yui", "Ishikawa", "Billing-Pass-9");
        browser.open("/login").press("既存のご契約をポータルにつなぐ").awaitHeading("既存のご契約をつなぐ");
        browser.inspect("link");
        browser.fill("customerNumber", customer.customerNumber()).fill("email", customer.email())
                .fill("whmcsPassword", "not the billing password").fill("password", PASSWORD).press("つないで登録する");
        assertThat(browser.alert()).isEqualTo("メールアドレスまたはパスワードが正しくありません。");

        browser.fill("whmcsPassword", "Billing-Pass-9").press("つないで登録する").awaitHeading("ホーム");
        assertThat(browser.notice()).isEqualTo("ご契約をポータルにつなぎました。");
        assertThat(browser.mainText()).contains("つながっています(請求アカウント番号");
    }

    @Test
    void a_wrong_password_is_refused_the_right_one_logs_in_and_logging_out_ends_the_session() throws IOException {
        PortalUsers.User user = PortalUsers.signedUp("Sora", "Aoki", PASSWORD);
        browser.open("/profile").awaitHeading("ログイン");
        assertThat(browser.path()).as("a page that needs a login asks for one and remembers where to go")
                .isEqualTo("/login?next=%2Fprofile");
        browser.inspect("login");

        browser.fill("email", user.email()).fill("password", "not my password").press("ログイン");
        assertThat(browser.alert()).isEqualTo("メールアドレスまたはパスワードが正しくありません。");

        browser.fill("password", PASSWORD).press("ログイン").awaitHeading("プロフィール");
        browser.open("/").awaitHeading("ホーム");
        browser.inspect("home");

        browser.press("ログアウト").awaitHeading("ログイン");
        assertThat(browser.notice()).isEqualTo("ログアウトしました。");
        browser.open("/").awaitHeading("ログイン");
        assertThat(browser.script("return fetch('/api/me').then(r => r.status)")).isEqualTo(401L);
        assertThat(browser.script("return JSON.stringify(Object.keys(localStorage))")).as("no token is ever stored").isEqualTo("[]");
    }

    @Test
    void when_the_access_token_is_gone_the_page_refreshes_the_session_without_asking_to_log_in_again() {
        PortalUsers.User user = PortalUsers.signedUp("Ren", "Ogawa", PASSWORD);
        logIn(user);
        // what a browser holds once the 15-minute access cookie has expired: the refresh cookie only
        browser.driver.executeCdpCommand("Network.deleteCookies", java.util.Map.of("name", "portal_access", "url", WebSuite.gateway("/")));

        browser.open("/profile").awaitHeading("プロフィール");
        assertThat(browser.mainText()).contains(user.userId());
        assertThat(browser.script("return fetch('/api/me').then(r => r.status)")).as("a new access cookie was issued").isEqualTo(200L);
    }

    @Test
    void the_sixth_login_attempt_for_one_email_within_fifteen_minutes_is_refused_with_the_wait() {
        PortalUsers.User user = PortalUsers.signedUp("Kaito", "Ueda", PASSWORD);
        browser.open("/login").awaitHeading("ログイン");
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.fill("email", user.email()).fill("password", "wrong password " + attempt).press("ログイン");
            assertThat(browser.alert()).as("attempt %d", attempt).isEqualTo("メールアドレスまたはパスワードが正しくありません。");
        }
        browser.fill("password", PASSWORD).press("ログイン");
        assertThat(browser.alert()).matches("試行回数が上限に達しました。約 \\d+ 分後にもう一度お試しください。");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void a_password_reset_from_the_mailed_link_sets_a_new_password_and_the_link_works_once() throws IOException {
        PortalUsers.User user = PortalUsers.signedUp("Rin", "Kato", PASSWORD);
        browser.open("/login").press("パスワードをお忘れの方").awaitHeading("パスワードの再設定");
        browser.inspect("forgot-password");
        browser.fill("email", user.email()).press("再設定のメールを送る");
        assertThat(browser.notice()).contains(user.email()).contains("再設定用のリンクを送りました");

        String link = SandboxWorld.resetLink(user.email());
        browser.open(link).awaitHeading("新しいパスワードの設定");
        browser.inspect("reset-password");
        browser.fill("password", "my brand new password 2").fill("confirm", "something else entirely").press("パスワードを変更する");
        assertThat(browser.fieldError("confirm")).isEqualTo("新しいパスワードと一致しません。");
        browser.fill("confirm", "my brand new password 2").press("パスワードを変更する").awaitHeading("ログイン");
        assertThat(browser.notice()).isEqualTo("パスワードを変更しました。新しいパスワードでログインしてください。");

        browser.fill("email", user.email()).fill("password", PASSWORD).press("ログイン");
        assertThat(browser.alert()).as("the old password").isEqualTo("メールアドレスまたはパスワードが正しくありません。");
        browser.fill("password", "my brand new password 2").press("ログイン").awaitHeading("ホーム");

        browser.press("ログアウト").awaitHeading("ログイン");
        browser.open(link).awaitHeading("新しいパスワードの設定");
        browser.fill("password", "yet another password 3").fill("confirm", "yet another password 3").press("パスワードを変更する");
        assertThat(browser.alert()).startsWith("このリンクは無効か、有効期限(30分)が切れているか、すでに使われています。");
    }

    @Test
    void profile_and_address_changes_are_saved_and_shown_again() throws IOException {
        PortalUsers.User user = PortalUsers.signedUp("Mei", "Fujita", PASSWORD);
        logIn(user);
        browser.open("/profile").awaitHeading("プロフィール");
        assertThat(browser.mainText()).as("the user id to share with a group owner").contains(user.userId());
        browser.inspect("profile");

        browser.fill("phone", "call me maybe").press("保存する");
        assertThat(browser.fieldError("phone")).isEqualTo("電話番号の形式で入力してください(例: 090-1234-5678)。");
        browser.fill("phone", "+81-80-5555-6666").fill("companyName", "Fujita Shoten").press("保存する");
        assertThat(browser.notice()).isEqualTo("ご連絡先を保存しました。");

        browser.fill("city", "Meguro-ku").fill("address1", "4-5-6 Meguro").pressIn("address-heading", "保存する");
        assertThat(browser.mainText()).contains("ご住所を保存しました。");

        browser.open("/profile").awaitHeading("プロフィール");
        assertThat(browser.field("phone").getAttribute("value")).isEqualTo("+81-80-5555-6666");
        assertThat(browser.field("companyName").getAttribute("value")).isEqualTo("Fujita Shoten");
        assertThat(browser.field("city").getAttribute("value")).isEqualTo("Meguro-ku");
    }

    @Test
    void a_password_change_needs_the_current_password_and_an_email_change_waits_for_the_link_mailed_to_the_new_address() {
        PortalUsers.User user = PortalUsers.signedUp("Sora", "Ueda", PASSWORD);
        String newPassword = "a new portal password 2";
        logIn(user);
        browser.open("/profile").awaitHeading("プロフィール");

        browser.fillIn("password-heading", "currentPassword", "not my password at all")
                .fillIn("password-heading", "newPassword", newPassword).pressIn("password-heading", "パスワードを変更する");
        assertThat(browser.alert()).isEqualTo("現在のパスワードが正しくありません。");
        browser.fillIn("password-heading", "currentPassword", PASSWORD)
                .fillIn("password-heading", "newPassword", newPassword).pressIn("password-heading", "パスワードを変更する");
        assertThat(browser.mainText()).contains("パスワードを変更しました。ほかの端末はログアウトしました。");

        String newEmail = "new-" + user.email();
        browser.fillIn("email-heading", "newEmail", newEmail).fillIn("email-heading", "currentPassword", newPassword)
                .pressIn("email-heading", "確認用のリンクを送る");
        assertThat(browser.mainText()).contains(newEmail + " 宛てにリンクをお送りしました。");

        browser.open(SandboxWorld.emailChangeLink(newEmail)).awaitHeading("新しいメールアドレスの確認");
        browser.press("新しいメールアドレスを確定する").awaitHeading("ログイン");
        assertThat(browser.notice()).isEqualTo("メールアドレスを変更しました。新しいアドレスでログインしてください。");
        browser.fill("email", newEmail).fill("password", newPassword).press("ログイン").awaitHeading("ホーム");
        assertThat(browser.mainText()).contains(newEmail);
    }

    @Test
    void keyboard_only_the_skip_link_leads_to_the_form_and_focus_follows_each_new_page() {
        PortalUsers.User user = PortalUsers.signedUp("Nao", "Sakai", PASSWORD);
        browser.open("/login").awaitHeading("ログイン");
        browser.driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.focused().getText()).isEqualTo("本文へスキップ");
        browser.key(Keys.ENTER);
        browser.tab();
        assertThat(browser.focused().getAttribute("name")).isEqualTo("email");
        browser.key(user.email());
        browser.tab();
        browser.key(PASSWORD, Keys.ENTER);
        browser.awaitHeading("ホーム");
        assertThat(browser.focused().getTagName()).as("focus moves to the new page's heading").isEqualTo("h1");
    }

    @Test
    void the_language_is_japanese_by_default_and_english_on_request_and_stays_so() {
        browser.open("/login").awaitHeading("ログイン");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("ja");
        assertThat(browser.labelOf("email")).startsWith("メールアドレス");

        browser.press("English").awaitHeading("Log in");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
        browser.fill("email", "nobody@example.jp").fill("password", "not a real password").press("Log in");
        assertThat(browser.alert()).isEqualTo("The email address or password is wrong.");

        browser.open("/signup").awaitHeading("Sign up");
        assertThat(browser.labelOf("customerNumber")).startsWith("Customer number");
        browser.press("日本語").awaitHeading("新規登録");
    }

    private void fillSignup(String customerNumber, String code, String email, SandboxWorld.Customer customer) {
        browser.fill("customerNumber", customerNumber).fill("ownershipCode", code).fill("email", email).fill("password", PASSWORD)
                .fill("lastName", customer.lastName()).fill("firstName", customer.firstName()).fill("phone", "090-1234-5678")
                .fill("postcode", "150-0002").fill("state", "東京都").fill("city", "渋谷区").fill("address1", "渋谷1-2-3");
    }
}
