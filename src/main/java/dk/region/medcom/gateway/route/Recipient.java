package dk.region.medcom.gateway.route;

import java.util.Set;

/**
 * A party the gateway delivers to, as the recipient directory describes it.
 *
 * @param locationNumber the recipient's lokationsnummer (EAN/GLN)
 * @param formats        the message formats it takes, by MedCom name: XML ones start with X
 *                       ({@code XDIS91}), their EDIFACT twins do not ({@code DIS91})
 */
public record Recipient(String locationNumber, String name, Channel channel, Set<String> formats, boolean enabled) {

    public boolean takes(String format) {
        return formats.contains(format);
    }
}
