package dk.region.medcom.gateway.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of HTTP Basic and the console's login form: a caller that must still wait
 * (LoginThrottle) is answered 429 with Retry-After (the form: sent back to the login page, told
 * how long), its password not even checked; after the login, the outcome is told to the throttle.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = isFormLogin(request);
        Optional<String> user = form ? Optional.ofNullable(request.getParameter("username"))
                : basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String address = String.valueOf(request.getRemoteAddr());
        Optional<Duration> wait = throttle.waitFor(user.get(), address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            if (form) {
                response.sendRedirect(request.getContextPath() + "/login?locked=" + seconds);
                return;
            }
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"too many failed logins; try again in " + seconds + " s\"}");
            return;
        }
        chain.doFilter(request, response);
        Authentication authenticated = SecurityContextHolder.getContext().getAuthentication();
        if (authenticated != null && authenticated.isAuthenticated() && user.get().equals(authenticated.getName())) {
            throttle.succeeded(user.get(), address);
        } else if (form || response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(user.get(), address);
        }
    }

    private static boolean isFormLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
    }

    /** The user name of a Basic Authorization header; empty when there is none or it cannot be read. */
    static Optional<String> basicUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
