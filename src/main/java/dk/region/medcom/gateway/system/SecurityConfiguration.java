package dk.region.medcom.gateway.system;

import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * HTTP Basic for the API, users from configuration. Who may do what:
 * {@code sender} posts messages as its own location numbers and follows them by tracking id;
 * {@code operator} searches, reads bodies, resends, releases and marks handled; {@code auditor}
 * searches by CPR and reads the audit log. The health status is open (its details, info and the
 * API description need a login); Prometheus answers loopback callers only. Failed logins are
 * slowed down and then locked out (LoginThrottle).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String OPERATOR = "operator";
    static final String AUDITOR = "auditor";
    static final String SENDER = "sender";

    @Bean
    SecurityFilterChain api(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // Spring's error page after a refusal (400 for unreadable JSON) keeps its status
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // the status for monitoring; its details (management.endpoint.health.show-details) need a login
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access(loopbackOnly())
                        .requestMatchers("/actuator/info", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .hasAnyRole(OPERATOR, AUDITOR, SENDER)
                        .requestMatchers(HttpMethod.POST, "/api/messages").hasAnyRole(SENDER, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/messages/search-by-cpr").hasRole(AUDITOR)
                        .requestMatchers("/api/audit/**").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/messages/*/*").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/messages", "/api/messages/unacknowledged")
                        .hasAnyRole(OPERATOR, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/messages/*").hasAnyRole(SENDER, OPERATOR, AUDITOR)
                        .anyRequest().hasRole(OPERATOR))
                .httpBasic(Customizer.withDefaults())
                .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
                // a stateless API for machines and scripts: no session, so no CSRF token to carry
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    UserDetailsService users(GatewayUsers configured) {
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, GatewayUsers.Account> user : configured.users().entrySet()) {
            GatewayUsers.Account account = user.getValue();
            if (account.password() == null || account.password().isBlank()) {
                throw new IllegalStateException("gateway.users." + user.getKey() + ".password is not set");
            }
            users.add(User.withUsername(user.getKey()).password(account.password())
                    .roles(account.roles().stream().map(String::toLowerCase).toArray(String[]::new)).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** Understands {bcrypt}, {noop} and the other prefixes Spring Security knows. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static AuthorizationManager<RequestAuthorizationContext> loopbackOnly() {
        return (authentication, context) -> new AuthorizationDecision(isLoopback(context.getRequest().getRemoteAddr()));
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
