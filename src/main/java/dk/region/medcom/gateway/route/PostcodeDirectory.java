package dk.region.medcom.gateway.route;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Postcode to kommunekode: the last way to find a municipality. The operator supplies the table. */
public class PostcodeDirectory {

    private final Map<String, String> municipalityByPostcode;

    PostcodeDirectory(Map<String, String> municipalityByPostcode) {
        this.municipalityByPostcode = Map.copyOf(municipalityByPostcode);
    }

    public static PostcodeDirectory load(String location) {
        return new PostcodeDirectory(CsvTables.read(location).stream()
                .collect(Collectors.toMap(row -> row[0], row -> MunicipalityDirectory.normalise(row[1]), (a, b) -> a)));
    }

    public Optional<String> municipalityOf(String postcode) {
        return postcode == null ? Optional.empty() : Optional.ofNullable(municipalityByPostcode.get(postcode.trim()));
    }
}
