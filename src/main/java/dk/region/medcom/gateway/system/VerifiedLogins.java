package dk.region.medcom.gateway.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers for a while the logins whose password was verified. HTTP Basic sends the password with
 * every request and checking a bcrypt hash costs about 60 ms of CPU (measured: 95 % of the gateway's
 * CPU under the HTTP fuzz campaign), so a sender posting ten letters a second would keep a core busy
 * with it. Only successes are remembered; a wrong password is always checked (and throttled). The
 * key is an HMAC of user name and password under a key made at start and never stored, so the
 * memory holds no password and no hash an attacker could test guesses against offline.
 */
final class VerifiedLogins implements AuthenticationProvider {

    private static final String HMAC = "HmacSHA256";

    private final AuthenticationProvider verifier;
    private final Cache<String, Authentication> verified;
    private final SecretKeySpec key;

    VerifiedLogins(AuthenticationProvider verifier, Duration rememberFor, long maxLogins) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder().expireAfterWrite(rememberFor).maximumSize(maxLogins).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public Authentication authenticate(Authentication login) {
        if (!(login.getCredentials() instanceof String password)) {
            return verifier.authenticate(login);
        }
        String fingerprint = fingerprint(login.getName(), password);
        Authentication remembered = verified.getIfPresent(fingerprint);
        if (remembered != null) {
            return remembered;
        }
        Authentication result = verifier.authenticate(login);
        if (result != null && result.isAuthenticated()) {
            Authentication withoutPassword = UsernamePasswordAuthenticationToken.authenticated(
                    result.getPrincipal(), null, result.getAuthorities());
            verified.put(fingerprint, withoutPassword);
            return withoutPassword;
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return verifier.supports(authentication);
    }

    private String fingerprint(String user, String password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
