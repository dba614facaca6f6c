package nl.pupildata.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer token's check, done once per token instead of once per request (issue 21: verifying the RS256
 * signature was a sixth of request-service's CPU during intake, for the same few tokens again and again). A token
 * is verified in full by smallrye-jwt the first time it is seen — signature, issuer, audience, times — and the
 * result is kept, under the exact token text, until the token expires or passes its maximum age
 * ({@code mp.jwt.verify.token.age}); every other request with that text gets the verified result. A token that differs in one character (a forged signature, another claim) is another key and is
 * verified; one that failed is not kept. Bounded: when {@value #MAX} tokens are kept, the map is emptied and filled
 * again (each user's next request verifies once more). What this gives up is the same as a JWKS cache does: a token
 * already verified stays accepted until its {@code exp} (minutes) after its signing key was withdrawn at the
 * identity provider.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int MAX = 4096;

    /** A verified token and the second from which the verifier would refuse it: its exp, or its maximum age. */
    private record Verified(JsonWebToken jwt, long refusedFrom) {
    }

    private final JWTParser verifier;
    private final Clock clock;
    private final long maxAgeSeconds;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier, Clock clock,
            @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxAgeSeconds) {
        this((JWTParser) verifier, clock, maxAgeSeconds.orElse(Long.MAX_VALUE));
    }

    VerifiedTokens(JWTParser verifier, Clock clock, long maxAgeSeconds) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Verified known = verified.get(token);
        if (known != null) {
            if (clock.instant().getEpochSecond() < known.refusedFrom()) {
                return known.jwt();
            }
            verified.remove(token, known);
        }
        JsonWebToken fresh = verifier.parse(token);
        long refusedFrom = fresh.getExpirationTime();
        if (maxAgeSeconds != Long.MAX_VALUE) {
            refusedFrom = Math.min(refusedFrom, fresh.getIssuedAtTime() + maxAgeSeconds);
        }
        if (verified.size() >= MAX) {
            verified.clear();
        }
        verified.put(token, new Verified(fresh, refusedFrom));
        return fresh;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
