package dk.region.medcom.gateway.system;

import dk.region.medcom.gateway.api.GatewayUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Issue #16: the demo users with public passwords survived an operator's own gateway.users. */
class DemoUsersTests {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void theDefaultConfigurationHasNoUsersSoAnOperatorsOwnAreExactlyThoseInForce() throws IOException {
        assertThat(keys("application.yaml")).noneMatch(key -> key.startsWith("gateway.users"));
        assertThat(keys("application-demo.yaml")).contains("gateway.users.operator.password",
                "gateway.users.auditor.password", "gateway.users.sender.password");
    }

    @Test
    void refusesToStartWithADemoPasswordBeyondLoopback() {
        for (String stored : List.of("{noop}demo-sender", "{bcrypt}" + new BCryptPasswordEncoder(4).encode("demo-operator"))) {
            GatewayUsers users = users(stored);
            for (String address : List.of("0.0.0.0", "", "10.1.2.3")) {
                assertThatThrownBy(() -> SecurityConfiguration.refusePublicPasswordsBeyondLoopback(users, encoder, address))
                        .as("%s on '%s'", stored, address)
                        .isInstanceOf(SecurityConfiguration.PublicPasswordException.class)
                        .hasMessageContaining("gateway.users.someone has a demo password").hasMessageNotContaining("demo-");
            }
        }
    }

    @Test
    void startsWithDemoPasswordsOnLoopbackAndWithOwnPasswordsAnywhere() {
        SecurityConfiguration.refusePublicPasswordsBeyondLoopback(users("{noop}demo-sender"), encoder, "127.0.0.1");
        SecurityConfiguration.refusePublicPasswordsBeyondLoopback(users("{noop}a-long-secret-of-our-own"), encoder, "0.0.0.0");
    }

    @Test
    void theRefusalIsOneClearStatementNotAStackTrace() {
        SecurityConfiguration.PublicPasswordException refused = new SecurityConfiguration.PublicPasswordException("told");
        var analysis = new PublicPasswordFailureAnalyzer().analyze(new IllegalStateException(refused));
        assertThat(analysis.getDescription()).isEqualTo("told");
        assertThat(analysis.getAction()).contains("demo profile");
    }

    private static GatewayUsers users(String password) {
        return new GatewayUsers(Map.of("someone", new GatewayUsers.Account(password, List.of("sender"), List.of())));
    }

    private static List<String> keys(String resource) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource));
        return sources.stream().flatMap(s -> List.of(((EnumerablePropertySource<?>) s).getPropertyNames()).stream()).toList();
    }
}
