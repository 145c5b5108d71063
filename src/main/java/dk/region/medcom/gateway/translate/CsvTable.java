package dk.region.medcom.gateway.translate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mapping table from {@code src/main/resources/mapping/}: UTF-8, comma-separated, a header row,
 * {@code #} comment lines. Values hold no commas, so no quoting is needed.
 */
final class CsvTable {

    private CsvTable() {
    }

    /**
     * Each row as column name to value; a missing trailing column reads as "". Values are not
     * trimmed: MedCom's own enumeration has {@code "patologi "} with a trailing space.
     */
    static List<Map<String, String>> read(String resource) {
        InputStream in = CsvTable.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("mapping table missing from the classpath: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Map<String, String>> rows = new ArrayList<>();
            String[] header = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.replace("\r", "").split(",", -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                Map<String, String> row = new TreeMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i].trim(), i < cells.length ? cells[i] : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping table " + resource, e);
        }
    }
}
