package dev.portal.identity.tokens;

import dev.portal.identity.limits.RateLimits;
import dev.portal.identity.users.InvalidCredentials;
import dev.portal.identity.users.Passwords;
import dev.portal.identity.users.User;
import dev.portal.identity.users.Users;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Login, refresh and logout. */
@Service
public class Sessions {

    private final Users users;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokenRotation refreshTokens;
    private final RateLimits limits;

    Sessions(Users users, Passwords passwords, AccessTokens accessTokens, RefreshTokenRotation refreshTokens, RateLimits limits) {
        this.users = users;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.limits = limits;
    }

    /**
     * The same answer, after about the same time, for an unknown email and a wrong password. Limited per (email,
     * client IP) strictly: every attempt counts, a success forgets that pair's count. Per email from anywhere more
     * loosely: only failures count, and the lock lifts by itself as they leave the window. Per client IP whatever the
     * email: failures count, so random emails cannot buy Argon2 verifications without bound. Every limit is checked
     * before anything is hashed, and the whole check holds a hashing slot ({@link Passwords#withSlot}): a flood of
     * logins waits for slots or is answered busy, and never holds more database connections than there are slots.
     */
    public IssuedTokens login(String email, String password, String clientIp) {
        return passwords.withSlot(() -> checkedLogin(email, password, clientIp));
    }

    private IssuedTokens checkedLogin(String email, String password, String clientIp) {
        String account = email.trim().toLowerCase(Locale.ROOT);
        limits.check(limits.loginFailuresPerAccount, account);
        limits.check(limits.loginFailuresPerIp, clientIp);
        limits.acquire(limits.loginFailuresPerEmailAndIp, account + "|" + clientIp);
        User user = users.findByEmail(email.trim()).orElse(null);
        boolean valid = user == null ? passwords.matchesNothing(password) : passwords.matches(password, user.passwordHash());
        if (!valid) {
            limits.record(limits.loginFailuresPerAccount, account);
            limits.record(limits.loginFailuresPerIp, clientIp);
            throw new InvalidCredentials();
        }
        limits.clear(limits.loginFailuresPerEmailAndIp, account + "|" + clientIp);
        return startSession(user);
    }

    /** A new session (refresh-token family) for a user who just proved who they are, at their current session version. */
    public IssuedTokens startSession(User user) {
        return tokensFor(user, refreshTokens.start(user.id(), user.sessionVersion()));
    }

    public IssuedTokens refresh(String refreshToken) {
        RefreshTokenRotation.Rotated rotated = refreshTokens.rotate(refreshToken);
        // the access token carries the version the rotation read under the user's lock: a revocation that commits
        // right after it must end this token too, so the version is never read again here
        User user = users.find(rotated.userId()).orElseThrow(InvalidRefreshToken::userGone).withSessionVersion(rotated.sessionVersion());
        return tokensFor(user, rotated.next());
    }

    public void logout(String refreshToken) {
        refreshTokens.revoke(refreshToken);
    }

    private IssuedTokens tokensFor(User user, RefreshTokenRotation.Issued refresh) {
        AccessTokens.Signed access = accessTokens.issue(user, users.mapping(user.id()));
        return new IssuedTokens(access.token(), access.expiresAt(), refresh.token(), refresh.expiresAt());
    }
}
