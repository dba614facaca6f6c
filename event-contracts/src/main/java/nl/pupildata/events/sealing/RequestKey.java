package nl.pupildata.events.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.pupildata.events.InvalidEventException;

/**
 * One request's key: 32 random bytes, made by request-service at intake. Two keys are derived from it with
 * HMAC-SHA-256: one for AES-256-GCM, one for the IV. The IV is the HMAC of the value (a synthetic IV, as in SIV), so
 * writing an event twice gives the same bytes and equal values of one request give equal text; nothing else about a
 * value is revealed, and GCM never sees one IV with two different values. The request id is the additional
 * authenticated data: a value moved into another request's event does not open.
 */
public final class RequestKey implements ValueSeal {

    public static final int LENGTH = 32;
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One AES-GCM cipher and one HMAC per thread, initialised again for every value: looking them up among the JDK's
     * providers for every value was more than half of what sealing cost (which was a sixth of request-service's time
     * at intake).
     */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(RequestKey::newCipher);
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(RequestKey::newMac);

    private final UUID requestId;
    private final SecretKeySpec encryption;
    private final SecretKeySpec iv;
    private final byte[] aad;

    public RequestKey(UUID requestId, byte[] secret) {
        if (secret == null || secret.length != LENGTH) {
            throw new IllegalArgumentException("A request key has " + LENGTH + " bytes");
        }
        this.requestId = requestId;
        this.encryption = new SecretKeySpec(hmac(secret, "pupil-data/v1/encryption"), "AES");
        this.iv = new SecretKeySpec(hmac(secret, "pupil-data/v1/iv"), "HmacSHA256");
        this.aad = requestId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A new random secret. */
    public static byte[] newSecret() {
        byte[] secret = new byte[LENGTH];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public UUID requestId() {
        return requestId;
    }

    @Override
    public String seal(String plain) {
        byte[] value = plain.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = HMAC.get();
            mac.init(iv);
            byte[] nonce = Arrays.copyOf(mac.doFinal(value), IV_LENGTH);
            Cipher cipher = encrypting(new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(value);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(IV_LENGTH + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String open(String written) {
        if (!ValueSeal.isSealed(written)) {
            return written;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(written.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("A sealed value that is not base64url");
        }
        if (bytes.length < IV_LENGTH + TAG_BITS / 8) {
            throw new InvalidEventException("A sealed value that is too short");
        }
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_LENGTH));
            cipher.updateAAD(aad);
            return new String(cipher.doFinal(bytes, IV_LENGTH, bytes.length - IV_LENGTH), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new InvalidEventException("A sealed value that does not open with the key of request " + requestId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The thread's cipher, ready to encrypt with {@code nonce}. The nonce is synthetic, so sealing the same value of
     * the same request twice in a row gives the same one; a GCM cipher refuses to be initialised for encryption with
     * the key and IV it encrypted with last (a guard against reusing a random IV by mistake, which cannot happen here:
     * the same IV comes only with the same value). That case gets a cipher of its own.
     */
    private Cipher encrypting(GCMParameterSpec nonce) throws GeneralSecurityException {
        Cipher cipher = GCM.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, encryption, nonce);
        } catch (InvalidAlgorithmParameterException sameValueAgain) {
            cipher = newCipher();
            GCM.set(cipher);
            cipher.init(Cipher.ENCRYPT_MODE, encryption, nonce);
        }
        return cipher;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "RequestKey[" + requestId + "]";
    }
}
