package dk.region.medcom.gateway.cli;

import dk.region.medcom.gateway.files.GatewayProperties;
import dk.region.medcom.gateway.journal.BodyCipher;
import dk.region.medcom.gateway.journal.BodyReseal;
import dk.region.medcom.gateway.journal.JournalKeys;
import dk.region.medcom.gateway.journal.JournalProperties;
import dk.region.medcom.gateway.journal.NodeKeys;
import dk.region.medcom.gateway.reject.Quarantine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The body key's rotation from the host (docs/operations.md: Rotate the body-encryption key):
 * which key ids the journal's bodies use, re-sealing them with the current key, retiring an old
 * key. It reads the gateway's own configuration (application.yaml, the profiles and files given as
 * {@code --spring.profiles.active=... --spring.config.additional-location=...}, the environment)
 * for the journal database and the keys, but starts nothing else of the gateway. Prints key ids
 * and counts, never a key or a body.
 */
@Command(name = "keys", description = "The body-encryption key's rotation: key ids in use, re-seal, retire.",
        subcommands = {KeysCommand.Status.class, KeysCommand.Reseal.class, KeysCommand.Retire.class})
class KeysCommand {

    /** What every subcommand opens: the journal database and the keys, as the gateway configures them. */
    abstract static class OnJournal implements Callable<Integer> {

        @Unmatched
        List<String> springArguments = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (String argument : springArguments) {
                if (!argument.startsWith("--") || !argument.contains("=")) {
                    err.println("takes only --property=value arguments besides its own, not \"" + argument + "\"");
                    err.flush();
                    return GatewayCommand.USAGE;
                }
            }
            Runnable restoreLogLevels = keepLogLevels();
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JournalOnly.class)
                    .web(WebApplicationType.NONE).logStartupInfo(false)
                    .properties("spring.main.banner-mode=off")
                    .run(arguments())) {
                JournalProperties journal = context.getBean(JournalProperties.class);
                BodyCipher cipher = JournalKeys.existingBodyCipher(journal.encryptionKey(),
                        journal.previousEncryptionKeys(), context.getBean(GatewayProperties.class).dataDir());
                dataDir = context.getBean(GatewayProperties.class).dataDir();
                int code = run(context.getBean(JdbcClient.class), cipher, out);
                out.flush();
                return code;
            } catch (IOException | RuntimeException e) {
                // the reason only: no key, a journal not reachable (an H2 journal opens only while the gateway is stopped)
                err.println("keys " + spec.name() + ": " + rootMessage(e) + (e instanceof BadSqlGrammarException
                        ? "; a journal without the key tables: start the upgraded gateway once first (Flyway makes them)" : ""));
                err.flush();
                return GatewayCommand.UNREADABLE;
            } finally {
                restoreLogLevels.run();
            }
        }

        /** The gateway's data folder, as configured. */
        Path dataDir;

        abstract int run(JdbcClient jdbc, BodyCipher cipher, PrintWriter out) throws IOException;

        /**
         * Puts the log levels back as they were before the command's Spring context set its own
         * (root WARN): a caller in the same JVM, such as a test run, keeps logging as before.
         */
        private static Runnable keepLogLevels() {
            LoggingSystem logging = LoggingSystem.get(KeysCommand.class.getClassLoader());
            Map<String, LogLevel> before = new HashMap<>();
            logging.getLoggerConfigurations().forEach(c -> before.put(c.getName(), c.getConfiguredLevel()));
            return () -> logging.getLoggerConfigurations().forEach(c -> {
                LogLevel level = before.get(c.getName());
                if (!Objects.equals(level, c.getConfiguredLevel())) {
                    logging.setLogLevel(c.getName(), level);
                }
            });
        }

        /** Spring's arguments; the log (on standard output, like what the command prints) says only warnings unless told otherwise. */
        private String[] arguments() {
            List<String> arguments = new ArrayList<>(springArguments);
            if (arguments.stream().noneMatch(a -> a.startsWith("--logging.level.root="))) {
                arguments.add(0, "--logging.level.root=WARN");
            }
            return arguments.toArray(String[]::new);
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
        }
    }

    @Command(name = "status", description = "Print this configuration's key ids, the ones the journal recorded, "
            + "the journal's bodies per key id, and this node's quarantined originals per key id.")
    static class Status extends OnJournal {

        @Override
        int run(JdbcClient jdbc, BodyCipher cipher, PrintWriter out) throws IOException {
            NodeKeys recorded = new NodeKeys(jdbc);
            out.println("body key, current: " + cipher.currentKeyId());
            out.println("body keys, previous: " + cipher.keyIds().stream().skip(1).toList());
            out.println("body keys recorded in the journal: " + recorded.bodyKeyIds());
            out.println("CPR-hash key recorded: " + recorded.cprHashKeyId().orElse("(none yet)"));
            out.println("tracking-id key recorded: " + recorded.trackingIdKeyId().orElse("(none yet)"));
            out.println("journal bodies per key id:");
            Map<String, Long> counts = new BodyReseal(jdbc, cipher).countsByKeyId();
            counts.forEach((id, n) -> out.println("  " + id + " " + n + (id.equals(cipher.currentKeyId()) ? " (current)"
                    : id.equals(BodyReseal.NO_KEY_ID) ? " (sealed before key ids)" : "")));
            if (counts.isEmpty()) {
                out.println("  (no bodies)");
            }
            Path quarantine = dataDir.resolve("quarantine");
            out.println("quarantined originals in " + quarantine + " per key id (this node's only): "
                    + Quarantine.originalsByKeyId(quarantine, BodyReseal.NO_KEY_ID));
            return GatewayCommand.OK;
        }
    }

    @Command(name = "reseal", description = "Re-seal every journal body the current key did not seal, batch by batch; "
            + "safe to stop and run again.")
    static class Reseal extends OnJournal {

        @Option(names = "--batch", defaultValue = "500", description = "bodies per batch (default: ${DEFAULT-VALUE})")
        int batch;

        @Override
        int run(JdbcClient jdbc, BodyCipher cipher, PrintWriter out) throws IOException {
            if (batch < 1) {
                out.println("--batch must be at least 1");
                return GatewayCommand.USAGE;
            }
            BodyReseal reseal = new BodyReseal(jdbc, cipher);
            out.println("re-sealing with key " + cipher.currentKeyId() + "; before: " + reseal.countsByKeyId());
            BodyReseal.Position at = BodyReseal.START;
            long resealed = 0;
            Map<String, Integer> failed = new TreeMap<>();
            int batches = 0;
            while (at != null) {
                BodyReseal.Batch done = reseal.resealBatch(at, batch);
                resealed += done.resealed();
                done.failed().forEach((id, n) -> failed.merge(id, n, Integer::sum));
                at = done.next();
                batches++;
                out.println("batch " + batches + ": " + done.resealed() + " re-sealed (" + resealed + " in all)"
                        + (done.failed().isEmpty() ? "" : ", cannot open " + done.failed()));
                out.flush();
            }
            out.println(resealed + " re-sealed; after: " + reseal.countsByKeyId());
            if (!failed.isEmpty()) {
                out.println("not re-sealed, no key opens them (per key id): " + failed
                        + "; give this command those keys in gateway.journal.previous-encryption-keys");
                return GatewayCommand.INVALID;
            }
            return GatewayCommand.OK;
        }
    }

    @Command(name = "retire", description = "Forget an old body key in the journal, so nodes may start without it; "
            + "refused while a journal body is still sealed with it.")
    static class Retire extends OnJournal {

        @Parameters(paramLabel = "<key id>", description = "the key id (8 hex digits, as keys status prints it)")
        String keyId;

        @Override
        int run(JdbcClient jdbc, BodyCipher cipher, PrintWriter out) throws IOException {
            Optional<String> refused = new NodeKeys(jdbc).retireBodyKey(keyId, cipher.currentKeyId());
            if (refused.isPresent()) {
                out.println("not retired: " + refused.get());
                return GatewayCommand.INVALID;
            }
            out.println("retired body key " + keyId + "; nodes may now start without it");
            return GatewayCommand.OK;
        }
    }

    /** The journal database and the gateway's properties: nothing else of the gateway. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class})
    @EnableConfigurationProperties({JournalProperties.class, GatewayProperties.class})
    static class JournalOnly {
    }
}
