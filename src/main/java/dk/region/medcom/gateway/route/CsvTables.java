package dk.region.medcom.gateway.route;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Reads the directories' small CSV tables: a header line, then comma-separated rows; lines starting
 * with {@code #} and blank lines are comments. Values never contain commas, so no quoting.
 */
final class CsvTables {

    private CsvTables() {
    }

    /** The data rows (header dropped), each split on commas and trimmed. */
    static List<String[]> read(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", -1);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].trim();
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
