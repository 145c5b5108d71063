package dk.region.medcom.gateway.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The people and systems that may use the HTTP API, from {@code gateway.users.<name>.password}
 * ({@code {bcrypt}...} or {@code {noop}...}), {@code gateway.users.<name>.roles}
 * ({@code operator}, {@code auditor}, {@code sender}, {@code viewer}) and, for senders,
 * {@code gateway.users.<name>.location-numbers}: the lokationsnumre it may send as.
 */
@ConfigurationProperties("gateway")
public record GatewayUsers(@DefaultValue Map<String, Account> users) {

    public record Account(String password, @DefaultValue List<String> roles,
                          @DefaultValue List<String> locationNumbers) {
    }

    /** The location numbers {@code user} may send as; empty for an unknown user. */
    public Set<String> locationNumbers(String user) {
        Account account = users.get(user);
        return account == null ? Set.of() : Set.copyOf(account.locationNumbers());
    }
}
