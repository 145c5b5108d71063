package dk.region.medcom.gateway.receipts;

import dk.region.medcom.gateway.message.Finding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which refuse code a negative receipt carries, from {@code mapping/rejection-refuse-codes.csv}. */
final class RefuseCodes {

    static final String NOT_SPECIFIED = "ikke_specificeret";

    private final Map<String, String> byRule;

    private RefuseCodes(Map<String, String> byRule) {
        this.byRule = byRule;
    }

    static RefuseCodes load() {
        Map<String, String> byRule = new LinkedHashMap<>();
        try (InputStream in = RefuseCodes.class.getResourceAsStream("/mapping/rejection-refuse-codes.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("rule,"))
                    .map(l -> l.split(",")).forEach(cells -> byRule.put(cells[0].trim(), cells[1].trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RefuseCodes(byRule);
    }

    /** The code for the first error: its exact rule id, else the longest listed prefix, else ikke_specificeret. */
    String codeFor(List<Finding> findings) {
        String ruleId = findings.stream().filter(Finding::isError).map(Finding::ruleId).findFirst().orElse("");
        String exact = byRule.get(ruleId);
        if (exact != null) {
            return exact;
        }
        return byRule.entrySet().stream()
                .filter(e -> e.getKey().endsWith("-") && ruleId.startsWith(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue).orElse(NOT_SPECIFIED);
    }
}
