package dk.region.medcom.gateway.journal.maintenance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.nio.file.Path;

/**
 * The size of the embedded H2 journal's file, {@code medcom_journal_file_bytes}: it grows with the
 * journal (and, between {@link H2JournalCompaction}'s runs, with H2's dead chunks), so operations
 * alert on it before the disk fills. Made only for the H2 file database.
 */
public final class JournalFileGauge {

    private final File file;

    public JournalFileGauge(Path databaseDir, MeterRegistry meters) {
        this.file = databaseDir.resolve("gateway.mv.db").toFile();
        // (Micrometer holds the gauge's object weakly: this bean, which Spring keeps, not the File)
        Gauge.builder("medcom.journal.file", this, gauge -> gauge.file.length())
                .description("Size of the H2 journal file")
                .baseUnit("bytes")
                .register(meters);
    }
}
