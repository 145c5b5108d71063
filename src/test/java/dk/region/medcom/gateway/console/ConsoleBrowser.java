package dk.region.medcom.gateway.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's browser as far as the console's HTTP goes: it keeps cookies, does not follow
 * redirects by itself (tests look at them), and takes the CSRF token from the page a form is on.
 */
final class ConsoleBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String language = "en";

    ConsoleBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ConsoleBrowser speaking(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Logs in through the form, as a person would: the login page first (for its token), then the post. */
    HttpResponse<String> logIn(String user, String password) {
        String token = csrfOn("/login");
        return postForm("/login", Map.of("username", user, "password", password, "_csrf", token));
    }

    /** The CSRF token of the form on {@code path}. */
    String csrfOn(String path) {
        Matcher token = CSRF.matcher(get(path).body());
        if (!token.find()) {
            throw new AssertionError(path + " has no form with a CSRF token");
        }
        return token.group(1);
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String form = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return postRaw(path, form);
    }

    /** A form post with the body as given (for fields that repeat, as ticked boxes do). */
    HttpResponse<String> postRaw(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.header("Accept", "text/html").header("Accept-Language", language).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
