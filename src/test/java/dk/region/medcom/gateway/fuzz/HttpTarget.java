package dk.region.medcom.gateway.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Sends one raw request to a running gateway on a fresh connection and judges the answer: 202
 * with a tracking id and a Location, or 4xx, or 503, each with a JSON reason; never another 5xx,
 * and the gateway still healthy (checked every {@code HEALTH_EVERY} requests). 401 and 403 come
 * from the security filter with a WWW-Authenticate header or an empty body, as the API documents.
 */
final class HttpTarget implements Function<byte[], FuzzRunner.Result> {

    static final int HEALTH_EVERY = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    private final int port;
    private final int readTimeoutMillis;
    private long sent;

    HttpTarget(int port, Duration timeLimit) {
        this.port = port;
        this.readTimeoutMillis = (int) Math.max(100, timeLimit.toMillis() - 250);
    }

    @Override
    public FuzzRunner.Result apply(byte[] request) {
        if (++sent % HEALTH_EVERY == 0) {
            String health = healthProblem();
            if (health != null) {
                return new FuzzRunner.Result(health, false, List.of("UNHEALTHY"));
            }
        }
        byte[] answer;
        try {
            answer = exchange(request);
        } catch (SocketTimeoutException e) {
            return new FuzzRunner.Result("HANG no answer within " + readTimeoutMillis + " ms", false, List.of("HANG"));
        } catch (IOException e) {
            return new FuzzRunner.Result("CONNECTION " + e.getClass().getSimpleName(), false, List.of("CONNECTION-ERROR"));
        }
        if (answer.length == 0) {
            return new FuzzRunner.Result(null, false, List.of("closed without an answer"));
        }
        return judge(Answer.parse(answer), mayPost(request));
    }

    /** Whether the request is a POST to /api/messages by a user who may send (a 403 is then no answer). */
    static boolean mayPost(byte[] request) {
        String head = new String(request, 0, Math.min(request.length, 8_192), StandardCharsets.ISO_8859_1);
        return head.startsWith("POST /api/messages HTTP/1.1\r\n") && (head.contains("Authorization: " + HttpRequestMutator.SENDER + "\r\n")
                || head.contains("Authorization: " + HttpRequestMutator.basic("operator:demo-operator") + "\r\n"));
    }

    /**
     * How an answer ends. Every 4xx and 503 carries a JSON reason, except the 400 that Tomcat's
     * connector gives to what is not HTTP at all (before any of the gateway's code runs). Breaking
     * the contract: any other 5xx than 503, a 2xx other than 202, a 202 without its tracking id, a
     * refusal without a reason, and a 406 to a sender (the message may have been taken: it was
     * answered 406 once, and the sender sent it again).
     */
    static FuzzRunner.Result judge(Answer answer, boolean mayPost) {
        int status = answer.status();
        String kind = String.valueOf(status);
        if (status == 202) {
            JsonNode json = answer.json();
            boolean ok = json != null && json.hasNonNull("trackingId") && answer.header("location") != null;
            return new FuzzRunner.Result(ok ? null : "202 WITHOUT TRACKING ID", ok, List.of(kind));
        }
        if (status == 406 && mayPost) {
            return new FuzzRunner.Result("406 TO A SENDER (the message may have been taken)", false, List.of(kind));
        }
        if (status == 400 && answer.json() == null && answer.fromConnector()) {
            return new FuzzRunner.Result(null, false, List.of("400 from the HTTP connector (not valid HTTP)"));
        }
        if (status >= 400 && status < 500 || status == 503) {
            boolean reason = answer.json() != null && answer.json().hasNonNull("error");
            return new FuzzRunner.Result(reason ? null : "NO REASON " + status, false, List.of(kind));
        }
        return new FuzzRunner.Result("HTTP " + status, false, List.of(kind));
    }

    /** The answer to one request, as it came. */
    Answer send(byte[] request) throws IOException {
        return Answer.parse(exchange(request));
    }

    private byte[] exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), readTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            try {
                socket.getOutputStream().write(request);
                socket.shutdownOutput(); // a body shorter than declared ends here
            } catch (IOException e) {
                // the server answered early and closed (e.g. before reading a large body): read what it said
            }
            return readAll(socket.getInputStream());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0 && out.size() < MAX_ANSWER_BYTES; ) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // reset after the answer: what came is the answer
        }
        return out.toByteArray();
    }

    /** Null when {@code /actuator/health} says UP. */
    String healthProblem() {
        byte[] request = ("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try {
            Answer answer = Answer.parse(exchange(request));
            JsonNode json = answer.json();
            return answer.status() == 200 && json != null && "UP".equals(json.path("status").asText())
                    ? null : "UNHEALTHY " + answer.status();
        } catch (IOException e) {
            return "UNHEALTHY " + e.getClass().getSimpleName();
        }
    }

    /** An HTTP answer: status, headers, body (de-chunked). */
    record Answer(int status, String head, byte[] body) {

        static Answer parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            while (text.startsWith("HTTP/1.1 1") && text.indexOf("\r\n\r\n") > 0) { // 100 Continue comes first
                int interim = text.indexOf("\r\n\r\n") + 4;
                raw = java.util.Arrays.copyOfRange(raw, interim, raw.length);
                text = text.substring(interim);
            }
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            int status = -1;
            if (head.startsWith("HTTP/1.1 ") && head.length() >= 12) {
                status = Integer.parseInt(head.substring(9, 12));
            }
            byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            Answer answer = new Answer(status, head, body);
            return "chunked".equalsIgnoreCase(answer.header("transfer-encoding")) ? answer.dechunked() : answer;
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /**
         * Tomcat's own answer to bytes that are not valid HTTP (request line, headers, chunk framing):
         * its HTML error page or no body; such a request never reaches the gateway's code.
         */
        boolean fromConnector() {
            String text = new String(body, StandardCharsets.ISO_8859_1);
            return body.length == 0 || text.contains("HTTP Status 400") || text.contains("<title>");
        }

        JsonNode json() {
            String type = header("content-type");
            if (type == null || !type.contains("json") || body.length == 0) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(body);
                return node != null && node.isObject() ? node : null;
            } catch (IOException e) {
                return null;
            }
        }

        private Answer dechunked() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String text = new String(body, StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < text.length()) {
                int lineEnd = text.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size;
                try {
                    size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
                } catch (NumberFormatException e) {
                    break;
                }
                if (size == 0 || lineEnd + 2 + size > body.length) {
                    break;
                }
                out.write(body, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return new Answer(status, head, out.toByteArray());
        }
    }
}
