package dk.region.medcom.gateway.message;

import java.util.List;
import java.util.Set;

/**
 * A party the gateway delivers to, as the recipient directory describes it.
 *
 * @param locationNumber the recipient's lokationsnummer (EAN/GLN)
 * @param municipality   the kommunekode it serves, or null
 * @param formats        the message formats it takes, by MedCom name: XML ones start with X
 *                       ({@code XDIS91}), their EDIFACT twins do not ({@code DIS91})
 * @param reachedByRuleOnly true for a unit (e.g. children and youth) that a municipality's messages
 *                       reach only through a rule, never by municipality code alone
 */
public record Recipient(String locationNumber, String name, String municipality, String organisation, String unit,
                        Channel channel, Set<String> formats, boolean enabled, boolean reachedByRuleOnly,
                        List<RecipientRule> rules) {

    /** A recipient without municipality, organisation or rules. */
    public Recipient(String locationNumber, String name, Channel channel, Set<String> formats, boolean enabled) {
        this(locationNumber, name, null, null, null, channel, formats, enabled, false, List.of());
    }

    public boolean takes(String format) {
        return formats.contains(format);
    }
}
