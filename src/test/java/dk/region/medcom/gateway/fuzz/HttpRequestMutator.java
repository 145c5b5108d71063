package dk.region.medcom.gateway.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Makes whole raw HTTP/1.1 requests to {@code POST /api/messages}: a body mutated as EDIFACT or
 * XML (or random, empty, or over the size limit), a Content-Type from a list of right, wrong and
 * malformed ones, and framing that is right or lies: Content-Length too short, too long, negative,
 * twice; chunked bodies with good and broken chunks; both at once. The seed is the body.
 */
final class HttpRequestMutator extends Mutator {

    static final String SENDER = basic("sender:demo-sender");
    private static final List<String> CONTENT_TYPES = List.of("application/xml", "text/xml; charset=utf-8",
            "application/edifact", "text/plain; charset=iso-8859-1", "application/octet-stream", "application/json",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "multipart/form-data",
            "text/html", "*/*", "", ";", "application/xml; charset=x-nonsense", "application/xml; charset=utf-16",
            "a/b; c=\"unterminated", "\u00e6/\u00f8", "application/" + "x".repeat(5_000));
    private static final List<String> PATHS = List.of("/api/messages", "/api/messages/", "/api/messages?x=1&x=2",
            "/api//messages", "/api/messages;jsessionid=x", "/api/messages%00", "/api/messages/..;/messages",
            "/api/messages?" + "a=".repeat(2_000));

    private final EdifactMutator edifact;
    private final XmlMutator xml;
    private final long maxBodyBytes;

    HttpRequestMutator(Random random, long maxBodyBytes) {
        super(random);
        this.edifact = new EdifactMutator(random);
        this.xml = new XmlMutator(random);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    boolean seedIsInput() {
        return false; // a seed is a body, not a request
    }

    @Override
    byte[] mutate(byte[] seed, byte[] donor) {
        return mutateStructure(seed, donor);
    }

    @Override
    byte[] mutateStructure(byte[] seed, byte[] donor) {
        byte[] body = body(seed, donor);
        StringBuilder head = new StringBuilder();
        int roll = random.nextInt(100);
        String method = roll < 98 ? "POST" : List.of("PUT", "PATCH", "DELETE", "POST\u0000", "post").get(random.nextInt(5));
        String path = random.nextInt(100) < 95 ? "/api/messages" : PATHS.get(random.nextInt(PATHS.size()));
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        int auth = random.nextInt(100);
        if (auth < 90) {
            head.append("Authorization: ").append(SENDER).append("\r\n");
        } else if (auth < 93) {
            head.append("Authorization: ").append(basic("operator:demo-operator")).append("\r\n");
        } else if (auth < 95) {
            head.append("Authorization: ").append(basic("auditor:demo-auditor")).append("\r\n");
        } else if (auth < 97) {
            head.append("Authorization: ").append(basic("sender:wrong")).append("\r\n");
        } else if (auth < 98) {
            head.append("Authorization: Basic ").append("%%%not-base64").append("\r\n");
        }
        if (random.nextInt(10) > 0) {
            head.append("Content-Type: ").append(CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()))).append("\r\n");
        }
        switch (random.nextInt(20)) {
            case 0 -> head.append("Expect: 100-continue\r\n");
            case 1 -> head.append("Content-Encoding: gzip\r\n");
            case 2 -> head.append("X-Huge: ").append("h".repeat(1 + random.nextInt(100_000))).append("\r\n");
            case 3 -> head.append("Accept: text/html\r\n");
            case 4 -> head.append("Bad Header Name: x\r\n");
            case 5 -> head.append("X-Folded: a\r\n b\r\n");
            default -> { }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
        int framing = random.nextInt(100);
        if (framing < 60) {
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            write(out, head, body);
        } else if (framing < 66) {
            head.append("Content-Length: ").append(random.nextInt(body.length + 1)).append("\r\n\r\n"); // too short
            write(out, head, body);
        } else if (framing < 72) {
            head.append("Content-Length: ").append(body.length + 1 + random.nextInt(1_000)).append("\r\n\r\n"); // too long
            write(out, head, body);
        } else if (framing < 76) {
            head.append("Content-Length: ").append(List.of("-1", "abc", "99999999999999999999", "1e3", " 5", "0x10",
                    body.length + ", " + body.length).get(random.nextInt(7))).append("\r\n\r\n");
            write(out, head, body);
        } else if (framing < 78) {
            head.append("Content-Length: ").append(body.length).append("\r\nContent-Length: ").append(body.length / 2)
                    .append("\r\n\r\n");
            write(out, head, body);
        } else if (framing < 90) {
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            write(out, head, chunked(body, false));
        } else if (framing < 96) {
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            write(out, head, chunked(body, true));
        } else if (framing < 98) {
            head.append("Content-Length: ").append(body.length).append("\r\nTransfer-Encoding: chunked\r\n\r\n");
            write(out, head, chunked(body, random.nextBoolean()));
        } else {
            head.append("\r\n"); // neither: the body is not part of the request
            write(out, head, body);
        }
        return out.toByteArray();
    }

    private byte[] body(byte[] seed, byte[] donor) {
        int roll = random.nextInt(1_000);
        if (roll < 700) {
            boolean isXml = seed.length > 0 && seed[0] == '<';
            return isXml ? xml.mutate(seed, donor) : edifact.mutate(seed, donor);
        } else if (roll < 850) {
            return seed;
        } else if (roll < 950) {
            return randomBytes(random.nextInt(4_096));
        } else if (roll < 998) {
            return new byte[0];
        }
        return repeat(seed, (int) (maxBodyBytes / Math.max(1, seed.length)) + 1); // just over the limit
    }

    /** The body in chunks of random sizes; broken: a bad size, an extension, or no last chunk. */
    private byte[] chunked(byte[] body, boolean broken) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        int brokenAt = broken ? random.nextInt(6) : -1;
        int at = 0;
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + random.nextInt(8_192));
            String sizeLine = switch (brokenAt) {
                case 0 -> "zz";
                case 1 -> Integer.toHexString(size + 7);
                case 2 -> "FFFFFFFFFFFFFFFFFF";
                case 3 -> Integer.toHexString(size) + ";ext=" + "e".repeat(random.nextInt(10_000));
                default -> Integer.toHexString(size);
            };
            out.writeBytes((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, size);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            at += size;
        }
        if (brokenAt != 4) {
            out.writeBytes((brokenAt == 5 ? "0\r\nX-Trailer: t\r\n\r\n" : "0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, CharSequence head, byte[] body) {
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }
}
