package dev.portal.sandbox.sftp;

import dev.portal.sandbox.SandboxSystems;
import dev.portal.sandbox.SeededState;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.springframework.stereotype.Component;

import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Public keys the MVNO user may log in with besides its password (the production proposal is key auth):
 * {@code sandbox.sftp.authorized-keys} at start and reset, plus keys added through the admin API.
 */
@Component
class SftpAuthorizedKeys implements SeededState {

    private final SftpSettings settings;
    private final List<PublicKey> keys = new CopyOnWriteArrayList<>();

    SftpAuthorizedKeys(SftpSettings settings) {
        this.settings = settings;
        reset();
    }

    @Override
    public String system() {
        return SandboxSystems.SFTP;
    }

    @Override
    public synchronized void reset() {
        keys.clear();
        settings.authorizedKeys().forEach(this::add);
    }

    /** Adds an OpenSSH public key line ({@code ecdsa-sha2-nistp256 AAAA... comment}); returns its fingerprint. */
    String add(String line) {
        try {
            PublicKey key = PublicKeyEntry.parsePublicKeyEntry(line.strip())
                    .resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
            keys.add(key);
            return KeyUtils.getFingerPrint(key);
        } catch (Exception e) {
            throw new SftpPublicKeyInvalid(e.getMessage());
        }
    }

    boolean accepts(PublicKey key) {
        return keys.stream().anyMatch(known -> KeyUtils.compareKeys(known, key));
    }
}
