package dk.region.medcom.gateway.route;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 98 municipalities by kommunekode, from the project's own {@code directory/municipalities.csv}. */
public class MunicipalityDirectory {

    static final String DEFAULT_LOCATION = "classpath:directory/municipalities.csv";

    private final Map<String, Municipality> byCode;

    MunicipalityDirectory(Map<String, Municipality> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public static MunicipalityDirectory load() {
        return new MunicipalityDirectory(CsvTables.read(DEFAULT_LOCATION).stream()
                .map(row -> new Municipality(normalise(row[0]), row[1], row[2], row[3]))
                .collect(Collectors.toMap(Municipality::code, Function.identity())));
    }

    /** Codes are compared as three digits: "0101" and "101" are both København. */
    public Optional<Municipality> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(normalise(code)));
    }

    public java.util.Collection<Municipality> all() {
        return byCode.values();
    }

    static String normalise(String code) {
        String trimmed = code.trim();
        if (!trimmed.matches("\\d{1,4}")) {
            return trimmed;
        }
        return String.format("%03d", Integer.parseInt(trimmed));
    }
}
