package dk.region.medcom.gateway.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed logins, counted per user name and per remote address: from {@code delayAfter} failures
 * on, the next attempt is refused until {@code firstDelay} (doubling with each further failure) has
 * passed; at {@code lockAfter} failures every attempt is refused for {@code lockFor}. A successful
 * login resets both counts. A verified password is remembered for {@code rememberVerifiedFor}
 * (VerifiedLogins; 0 checks the hash on every request).
 */
@ConfigurationProperties("gateway.login")
public record LoginProperties(@DefaultValue("5") int delayAfter,
                              @DefaultValue("1s") Duration firstDelay,
                              @DefaultValue("10") int lockAfter,
                              @DefaultValue("5m") Duration lockFor,
                              @DefaultValue("5m") Duration rememberVerifiedFor) {

    public LoginProperties {
        if (delayAfter < 1 || lockAfter < delayAfter) {
            throw new IllegalArgumentException("gateway.login: need 1 <= delay-after <= lock-after (got "
                    + delayAfter + ", " + lockAfter + ")");
        }
    }
}
