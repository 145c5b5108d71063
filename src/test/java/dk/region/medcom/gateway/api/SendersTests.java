package dk.region.medcom.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class SendersTests {

    final GatewayUsers users = new GatewayUsers(Map.of(
            "unbound", new GatewayUsers.Account("{noop}x", List.of("sender"), List.of())));
    // the parser is never reached for a sender bound to nothing
    final Senders senders = new Senders(users, null);

    @Test
    void aSenderBoundToNoLocationNumberCannotSend() {
        var caller = new UsernamePasswordAuthenticationToken("unbound", null, List.of(new SimpleGrantedAuthority("ROLE_sender")));

        assertThatThrownBy(() -> senders.checkMaySend(caller, "<Emessage/>".getBytes(), null))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(r.getMessage()).contains("location-numbers");
                });
    }
}
