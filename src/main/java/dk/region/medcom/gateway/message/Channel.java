package dk.region.medcom.gateway.message;

/**
 * How a recipient takes its messages.
 *
 * @param type   folder: {@code outbox/<location number>/}; queue: Artemis {@code medcom.outbound.<location number>};
 *               http: POST to {@code target}
 * @param target the URL for http; unused otherwise
 */
public record Channel(Type type, String target) {

    public enum Type { FOLDER, QUEUE, HTTP }

    public static Channel folder() {
        return new Channel(Type.FOLDER, null);
    }
}
