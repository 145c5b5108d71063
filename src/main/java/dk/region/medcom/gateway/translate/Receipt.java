package dk.region.medcom.gateway.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * A CONTRL receipt (CTL01/02/03) between the two syntaxes: which interchange and letters it answers
 * and, for negative receipts, why they were refused. Refuse codes hold XML values; in refuse texts
 * {@code \n} stands for a break.
 */
final class Receipt {
    String identifier;
    String originalEnvelopeIdentifier;
    String originalSender;
    String originalReceiver;
    Refusal refusal;
    final List<OriginalLetter> originalLetters = new ArrayList<>();

    static final class Refusal {
        String code;
        final StringBuilder text = new StringBuilder();
    }

    static final class OriginalLetter {
        String identifier;
        String versionCode;
        Refusal refusal;
    }
}
