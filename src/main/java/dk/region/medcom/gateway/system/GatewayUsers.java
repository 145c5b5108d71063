package dk.region.medcom.gateway.system;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The people and systems that may use the HTTP API, from {@code gateway.users.<name>.password}
 * ({@code {bcrypt}...} or {@code {noop}...}) and {@code gateway.users.<name>.roles}
 * ({@code operator}, {@code auditor}, {@code sender}).
 */
@ConfigurationProperties("gateway")
record GatewayUsers(@DefaultValue Map<String, Account> users) {

    record Account(String password, @DefaultValue List<String> roles) {
    }
}
