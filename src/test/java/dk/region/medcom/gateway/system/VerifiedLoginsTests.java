package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class VerifiedLoginsTests {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    private final AtomicInteger hashChecks = new AtomicInteger();
    private final AuthenticationProvider checker = countingChecker();

    @Test
    void aVerifiedPasswordIsNotCheckedAgainstItsHashAgain() {
        VerifiedLogins logins = new VerifiedLogins(checker, Duration.ofMinutes(5), 100);
        Authentication first = logins.authenticate(login("sender", "s3cret"));
        Authentication second = logins.authenticate(login("sender", "s3cret"));
        assertThat(hashChecks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("sender");
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_sender");
        assertThat(first.getCredentials()).as("no password kept").isNull();
        assertThat(second.getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        VerifiedLogins logins = new VerifiedLogins(checker, Duration.ofMinutes(5), 100);
        logins.authenticate(login("sender", "s3cret"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> logins.authenticate(login("sender", "guess"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> logins.authenticate(login("sender ", "s3cret"))).isInstanceOf(BadCredentialsException.class);
        assertThat(hashChecks).hasValue(5);
    }

    @Test
    void aVerifiedLoginIsForgottenAfterItsTime() throws InterruptedException {
        VerifiedLogins logins = new VerifiedLogins(checker, Duration.ofMillis(50), 100);
        logins.authenticate(login("sender", "s3cret"));
        Thread.sleep(120);
        logins.authenticate(login("sender", "s3cret"));
        assertThat(hashChecks).hasValue(2);
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private AuthenticationProvider countingChecker() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("sender").password("{bcrypt}" + BCRYPT.encode("s3cret")).roles("sender").build());
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(new org.springframework.security.crypto.password.PasswordEncoder() {
            private final org.springframework.security.crypto.password.PasswordEncoder real =
                    org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder();

            @Override
            public String encode(CharSequence raw) {
                return real.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashChecks.incrementAndGet();
                return real.matches(raw, encoded);
            }
        });
        return dao;
    }
}
