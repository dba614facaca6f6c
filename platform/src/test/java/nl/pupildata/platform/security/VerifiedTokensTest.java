package nl.pupildata.platform.security;

import static org.junit.jupiter.api.Assertions.*;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A token is verified once, kept until it expires, and a token that failed or differs is verified again. */
class VerifiedTokensTest {

    static final long EXP = 1_000_000;
    static final long IAT = EXP - 600;

    /** The full verification, counted: "good-…" tokens verify (expiring at {@link #EXP}), others fail. */
    static final class CountingVerifier implements JWTParser {
        final List<String> verified = new ArrayList<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            if (!token.startsWith("good-")) {
                throw new ParseException("bad signature");
            }
            return new Token(token);
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken parseOnly(String token) {
            throw new UnsupportedOperationException();
        }
    }

    record Token(String name) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp", "iat");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return switch (claimName) {
                case "exp" -> (T) Long.valueOf(EXP);
                case "iat" -> (T) Long.valueOf(IAT);
                default -> null;
            };
        }
    }

    static final class MovableClock extends Clock {
        long second;

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(second);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void theSameTokenIsVerifiedOnceUntilItExpires_thenAgain() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, Long.MAX_VALUE);
        clock.second = EXP - 10;
        JsonWebToken first = tokens.parse("good-a");
        assertSame(first, tokens.parse("good-a"));
        assertSame(first, tokens.parse("good-a"));
        assertEquals(List.of("good-a"), verifier.verified, "verified once for three requests");

        clock.second = EXP; // expired: verified in full again (which would refuse a real expired token)
        tokens.parse("good-a");
        assertEquals(List.of("good-a", "good-a"), verifier.verified);
    }

    @Test
    void aTokenPastItsMaximumAgeIsVerifiedAgain_thoughNotExpired() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 300); // issued 600 s before it expires
        clock.second = IAT + 299;
        tokens.parse("good-a");
        tokens.parse("good-a");
        clock.second = IAT + 300;
        tokens.parse("good-a");
        assertEquals(List.of("good-a", "good-a"), verifier.verified);
    }

    @Test
    void aTokenThatDiffersOrFailedIsVerifiedEveryTime() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, Long.MAX_VALUE);
        tokens.parse("good-a");
        tokens.parse("good-b");
        assertThrows(ParseException.class, () -> tokens.parse("forged-a"));
        assertThrows(ParseException.class, () -> tokens.parse("forged-a"));
        assertEquals(List.of("good-a", "good-b", "forged-a", "forged-a"), verifier.verified);
    }

    @Test
    void boundedInSize() throws Exception {
        CountingVerifier verifier = new CountingVerifier();
        VerifiedTokens tokens = new VerifiedTokens(verifier, new MovableClock(), Long.MAX_VALUE);
        for (int i = 0; i <= VerifiedTokens.MAX; i++) {
            tokens.parse("good-" + i);
        }
        tokens.parse("good-0"); // emptied when full: verified again
        assertEquals(VerifiedTokens.MAX + 2, verifier.verified.size());
    }
}
