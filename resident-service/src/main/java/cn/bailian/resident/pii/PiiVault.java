package cn.bailian.resident.pii;

import cn.bailian.resident.ResidentConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Phone and ID-card numbers at rest: AES-256-GCM with a random IV per value (the field name is the
 * associated data, so a ciphertext cannot be moved to another column), and a keyed HMAC-SHA256 for
 * equality lookups such as duplicate detection. Both keys are checked at startup: a service without
 * them must not run.
 */
@ApplicationScoped
@Startup
public class PiiVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    ResidentConfig config;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec encryptionKey;
    private SecretKeySpec hashKey;

    @PostConstruct
    void loadKeys() {
        encryptionKey = new SecretKeySpec(
                key("resident.pii.encryption-key", config.pii().encryptionKey()), "AES");
        hashKey = new SecretKeySpec(key("resident.pii.hash-key", config.pii().hashKey()), "HmacSHA256");
        if (java.util.Arrays.equals(encryptionKey.getEncoded(), hashKey.getEncoded())) {
            throw new IllegalStateException("resident.pii.encryption-key and resident.pii.hash-key must differ");
        }
    }

    private static byte[] key(String name, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes (base64), got " + key.length);
        }
        return key;
    }

    public String encrypt(String field, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String field, String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // no cause: the message must not carry anything of the value
            throw new IllegalStateException("stored " + field + " cannot be decrypted with the configured key");
        }
    }

    /** Keyed hash of a normalised value; {@code field} separates the domains of phone and ID hashes. */
    public String hash(String field, String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            mac.update((field + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }
}
