package dk.region.medcom.gateway.cli;

import dk.region.medcom.gateway.reject.Quarantine;
import dk.region.medcom.gateway.journal.BodyCipher;
import dk.region.medcom.gateway.journal.JournalKeys;
import dk.region.medcom.gateway.message.TrackingId;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Quarantined originals are sealed on disk; an operator on the host reads them through this. */
@Command(name = "quarantine", description = "Read what the gateway keeps in quarantine/.",
        subcommands = QuarantineCommand.Show.class)
class QuarantineCommand {

    @Command(name = "show", description = "Write a quarantined original, decrypted, to standard output. "
            + "The key is found as the gateway finds it: gateway.journal.encryption-key (system property) or "
            + "GATEWAY_JOURNAL_ENCRYPTION_KEY, else <data dir>/journal/body-encryption.key; previous keys from "
            + "gateway.journal.previous-encryption-keys or GATEWAY_JOURNAL_PREVIOUS_ENCRYPTION_KEYS.")
    static class Show implements Callable<Integer> {

        @Parameters(paramLabel = "<tracking id>", description = "the message's tracking id")
        String trackingId;

        @Option(names = "--data-dir", defaultValue = "${sys:gateway.data-dir:-${env:GATEWAY_DATA_DIR:-data}}",
                description = "the gateway's data folder (default: ${DEFAULT-VALUE})")
        Path dataDir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            TrackingId id;
            try {
                id = new TrackingId(trackingId);
            } catch (IllegalArgumentException e) {
                err.println("not a tracking id (36 characters: digits, a-f and dashes)");
                err.flush();
                return GatewayCommand.UNREADABLE;
            }
            try {
                BodyCipher cipher = JournalKeys.existingBodyCipher(configuredKey(), previousKeys(), dataDir);
                Optional<InputStream> original = Quarantine.openOriginal(dataDir.resolve("quarantine"), id, cipher);
                if (original.isEmpty()) {
                    err.println("no quarantined original of " + id.value() + " in " + dataDir.resolve("quarantine"));
                    err.flush();
                    return GatewayCommand.INVALID;
                }
                try (InputStream in = original.get()) {
                    in.transferTo(Terminal.out());
                }
                Terminal.out().flush();
                return GatewayCommand.OK;
            } catch (IOException | RuntimeException e) {
                // the reason only (wrong key, altered file): never any of the content
                err.println("cannot show " + id.value() + ": " + e.getMessage());
                err.flush();
                return GatewayCommand.UNREADABLE;
            }
        }

        /** gateway.journal.previous-encryption-keys (system property or environment), comma-separated. */
        private static List<String> previousKeys() {
            String property = System.getProperty("gateway.journal.previous-encryption-keys");
            String keys = property != null ? property : System.getenv("GATEWAY_JOURNAL_PREVIOUS_ENCRYPTION_KEYS");
            return keys == null ? List.of() : List.of(keys.split(","));
        }

        private static String configuredKey() {
            String property = System.getProperty("gateway.journal.encryption-key");
            return property != null ? property : System.getenv("GATEWAY_JOURNAL_ENCRYPTION_KEY");
        }
    }
}
