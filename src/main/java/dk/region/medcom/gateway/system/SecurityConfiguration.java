package dk.region.medcom.gateway.system;

import dk.region.medcom.gateway.api.GatewayUsers;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
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
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * HTTP Basic for the API, a form login for the console, users from configuration. Who may do what:
 * {@code sender} posts messages as its own location numbers and follows them by tracking id;
 * {@code operator} searches, reads bodies, resends, releases and marks handled; {@code auditor}
 * searches by CPR and reads the audit log; {@code viewer} reads the console. The health status is open (its details, info and the
 * API description need a login); Prometheus answers loopback callers only. Failed logins are
 * slowed down and then locked out (LoginThrottle).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String OPERATOR = "operator";
    static final String AUDITOR = "auditor";
    static final String SENDER = "sender";
    /** Reads the console and the journal's identifiers and states; no bodies, no actions, no CPR search. */
    static final String VIEWER = "viewer";

    /** The console's pages and their assets; everything else is the API's. */
    static final String[] CONSOLE_PATHS = {"/", "/login", "/logout", "/messages", "/messages/**", "/actions",
            "/overdue", "/audit", "/audit/**", "/routing", "/directory", "/console/**"};

    /**
     * The operations console: form login with a session and CSRF tokens (a browser sends cookies by
     * itself, so every change needs the token). Operators, auditors and viewers read it all; a sender
     * reads the messages from its own location numbers.
     */
    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.securityMatcher(CONSOLE_PATHS)
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/console/**").permitAll()
                        // a message's contents are personal data: operators only, and every view is audited
                        .requestMatchers("/messages/*/contents", "/actions").hasRole(OPERATOR)
                        .requestMatchers("/audit", "/audit/**").hasRole(AUDITOR)
                        .requestMatchers("/routing", "/directory").hasAnyRole(OPERATOR, AUDITOR, VIEWER)
                        .anyRequest().hasAnyRole(OPERATOR, AUDITOR, VIEWER, SENDER))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(2)
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
                        // a sender's search is limited to its own location numbers (Senders.scope)
                        .requestMatchers(HttpMethod.GET, "/api/messages").hasAnyRole(OPERATOR, AUDITOR, SENDER)
                        .requestMatchers(HttpMethod.GET, "/api/messages/unacknowledged").hasAnyRole(OPERATOR, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/messages/*").hasAnyRole(SENDER, OPERATOR, AUDITOR)
                        .anyRequest().hasRole(OPERATOR))
                .httpBasic(Customizer.withDefaults())
                .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
                // a stateless API for machines and scripts: no session, so no CSRF token to carry
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** The passwords of the demo profile's users: public, so never beyond loopback. */
    static final List<String> DEMO_PASSWORDS = List.of("demo-operator", "demo-auditor", "demo-sender", "demo-viewer");

    @Bean
    UserDetailsService users(GatewayUsers configured, PasswordEncoder encoder,
                             @Value("${server.address:}") String serverAddress) {
        refusePublicPasswordsBeyondLoopback(configured, encoder, serverAddress);
        if (configured.users().isEmpty()) {
            LOG.warn("no API users are configured (gateway.users): the HTTP API refuses every call; folders and the"
                    + " inbound queue work as ever (README: API and users)");
        }
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

    /**
     * A gateway reachable beyond loopback must not have a user whose password is one of the demo
     * profile's public ones (README prints them), however it was given ({noop} or a bcrypt hash).
     */
    static void refusePublicPasswordsBeyondLoopback(GatewayUsers configured, PasswordEncoder encoder, String address) {
        if (!address.isBlank() && isLoopback(address)) {
            return;
        }
        for (Map.Entry<String, GatewayUsers.Account> user : configured.users().entrySet()) {
            String stored = user.getValue().password();
            if (stored != null && DEMO_PASSWORDS.stream().anyMatch(demo -> matchesQuietly(encoder, demo, stored))) {
                throw new PublicPasswordException("gateway.users." + user.getKey() + " has a demo password, which is"
                        + " public, and server.address '" + address + "' is reachable beyond this machine: give every"
                        + " user a password of its own (and leave the demo profile off), or listen on 127.0.0.1");
            }
        }
    }

    private static boolean matchesQuietly(PasswordEncoder encoder, String candidate, String stored) {
        try {
            return encoder.matches(candidate, stored);
        } catch (IllegalArgumentException e) {
            return false; // an encoding the encoder does not know is refused later, at login
        }
    }

    /** The gateway would start with a public password where others can reach it. */
    static final class PublicPasswordException extends IllegalStateException {
        PublicPasswordException(String message) {
            super(message);
        }
    }

    /** Checks passwords against the users; a verified one is remembered a while (VerifiedLogins). */
    @Bean
    AuthenticationProvider passwordLogins(UserDetailsService users, PasswordEncoder encoder, LoginProperties login) {
        DaoAuthenticationProvider checker = new DaoAuthenticationProvider(users);
        checker.setPasswordEncoder(encoder);
        return login.rememberVerifiedFor().isZero() ? checker : new VerifiedLogins(checker, login.rememberVerifiedFor(), 10_000);
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
