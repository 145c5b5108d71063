package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.ingest.MemoryBudget;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;

/**
 * A request body read byte for byte from the request's own stream, whatever its Content-Type
 * (Spring's message converters re-encode a form post from its parameters), and only within the
 * memory budget (MemoryBudget.AT_INGEST times its size): a Content-Length beyond what is free is refused before a byte is read; a chunked
 * body reserves as it is read. The caller closes it once the bytes are no longer held.
 */
record PostedBody(byte[] bytes, MemoryBudget.Reservation reservation) implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    static PostedBody read(HttpServletRequest request, MemoryBudget budget, long maxBytes) {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        MemoryBudget.Reservation reservation = budget.tryReserve(Math.max(length, 0) * MemoryBudget.AT_INGEST);
        if (reservation == null) {
            throw Refusal.busy();
        }
        try {
            byte[] bytes = length >= 0 ? readKnown(request.getInputStream(), (int) length)
                    : readChunked(request.getInputStream(), reservation, maxBytes);
            if (bytes.length == 0) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "the request body is empty");
            }
            return new PostedBody(bytes, reservation);
        } catch (IOException e) {
            reservation.close();
            throw new Refusal(HttpStatus.BAD_REQUEST, "the request body could not be read to its end");
        } catch (RuntimeException e) {
            reservation.close();
            throw e;
        }
    }

    private static byte[] readKnown(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("the body ended early");
        }
        return bytes;
    }

    private static byte[] readChunked(InputStream in, MemoryBudget.Reservation reservation, long maxBytes)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            if (out.size() + (long) n > maxBytes) {
                throw tooLarge(maxBytes);
            }
            if (!reservation.tryGrow((long) n * MemoryBudget.AT_INGEST)) {
                throw Refusal.busy();
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static Refusal tooLarge(long maxBytes) {
        return new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "the message is larger than " + maxBytes + " bytes");
    }

    @Override
    public void close() {
        reservation.close();
    }
}
