package dk.region.medcom.gateway.system;

import dk.region.medcom.gateway.files.DataFolders;
import dk.region.medcom.gateway.files.FileModes;
import dk.region.medcom.gateway.files.GatewayProperties;
import dk.region.medcom.gateway.files.NodeId;
import dk.region.medcom.gateway.deliver.Deliverer;
import dk.region.medcom.gateway.files.FolderWriter;
import dk.region.medcom.gateway.deliver.DeliveryFailures;
import dk.region.medcom.gateway.deliver.DeliveryQueue;
import dk.region.medcom.gateway.deliver.DeliveryRoutes;
import dk.region.medcom.gateway.journal.BodyCipher;
import dk.region.medcom.gateway.journal.maintenance.H2JournalCompaction;
import dk.region.medcom.gateway.journal.maintenance.H2JournalSync;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.maintenance.JournalFileGauge;
import dk.region.medcom.gateway.journal.JournalWriter;
import dk.region.medcom.gateway.parse.MessageParser;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.dedupe.DuplicateGuard;
import dk.region.medcom.gateway.dedupe.LetterSeenRepository;
import dk.region.medcom.gateway.receipts.ReceiptCorrelation;
import dk.region.medcom.gateway.receipts.ReceiptProperties;
import dk.region.medcom.gateway.receipts.Receipts;
import dk.region.medcom.gateway.route.MunicipalityDirectory;
import dk.region.medcom.gateway.route.PostcodeDirectory;
import dk.region.medcom.gateway.route.RecipientDirectory;
import dk.region.medcom.gateway.route.RouteProperties;
import dk.region.medcom.gateway.route.Router;
import dk.region.medcom.gateway.translate.EdifactTranslator;
import dk.region.medcom.gateway.translate.RecipientTranslator;
import dk.region.medcom.gateway.validate.MessageValidator;
import dk.region.medcom.gateway.validate.ValidateProperties;
import dk.region.medcom.gateway.validate.ValidationStage;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * The stage beans the YAML routes call by name. The stages are plain Java; this is the only place
 * that knows how they are put together.
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineConfiguration.class);

    /** What only the embedded H2 file journal needs: its size as a metric, its sync, its compaction. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
    static class H2JournalFile {

        @Bean
        JournalFileGauge journalFileGauge(@Value("${gateway.journal.database-dir}") Path databaseDir, MeterRegistry meters) {
            return new JournalFileGauge(databaseDir, meters);
        }

        @Bean
        H2JournalSync h2JournalSync(JdbcTemplate jdbc, MeterRegistry meters) {
            return new H2JournalSync(jdbc, meters);
        }

        @Bean
        H2JournalCompaction h2JournalCompaction(DataSource dataSource,
                                                @Value("${gateway.journal.h2-compaction.write-limit}") DataSize writeLimit,
                                                MeterRegistry meters) {
            return new H2JournalCompaction(dataSource, Math.toIntExact(writeLimit.toBytes()), meters);
        }
    }

    /** The data folders, made owner-only before anything (broker, journal, key files) writes there. */
    @Bean
    static DataFolders dataFolders() {
        return new DataFolders();
    }

    @Bean
    EdifactTranslator edifactTranslator() {
        return EdifactTranslator.withDefaultMappings();
    }

    @Bean
    SafeXmlParser safeXmlParser(ValidateProperties validate) {
        return new SafeXmlParser(validate.maxMessageBytes());
    }

    /** Its schemas are compiled by {@link #schemaCompilation}, alongside the rest of start-up. */
    @Bean
    MessageValidator messageValidator(ValidateProperties validate, Clock clock) {
        return MessageValidator.lazy(validate, clock);
    }

    @Bean
    SchemaCompilation schemaCompilation(MessageValidator validator) {
        return new SchemaCompilation(validator);
    }

    @Bean
    MessageParser messageParser(EdifactTranslator edifact, SafeXmlParser xml) {
        return new MessageParser(edifact, xml);
    }

    @Bean
    ValidationStage validationStage(MessageValidator validator) {
        return new ValidationStage(validator);
    }

    @Bean
    RecipientDirectory recipientDirectory(RouteProperties route) {
        return RecipientDirectory.load(route.recipientsFile());
    }

    @Bean
    MunicipalityDirectory municipalityDirectory() {
        return MunicipalityDirectory.load();
    }

    @Bean("router")
    Router router(RecipientDirectory directory, MunicipalityDirectory municipalities, RouteProperties route,
                  Clock clock) {
        return new Router(directory, municipalities, PostcodeDirectory.load(route.postcodesFile()), clock);
    }

    @Bean
    RecipientTranslator recipientTranslator(EdifactTranslator edifact) {
        return new RecipientTranslator(edifact);
    }

    @Bean("receipts")
    Receipts receipts(EdifactTranslator edifact, Deliverer deliverer, RecipientDirectory directory, JdbcClient jdbc,
                      JournalWriter writer, Journal journal, ReceiptProperties properties, Clock clock) {
        return new Receipts(edifact, deliverer, directory, jdbc, writer, journal, properties, clock);
    }

    @Bean
    DuplicateGuard duplicateGuard(LetterSeenRepository letters, Journal journal, JournalWriter writer, Clock clock) {
        return new DuplicateGuard(letters, journal, writer, clock);
    }

    @Bean("receiptCorrelation")
    ReceiptCorrelation receiptCorrelation(LetterSeenRepository letters, Journal journal) {
        return new ReceiptCorrelation(letters, journal);
    }

    /** This node's name in the temp files it writes into folders other nodes may share (outbox/, quarantine/). */
    @Bean
    NodeId nodeId(GatewayProperties folders) {
        return NodeId.of(folders.dataDir());
    }

    /** Writes deliveries and receipts into outbox/, readable by the recipients' readers. */
    @Bean
    FolderWriter outboxWriter(GatewayProperties folders, NodeId node,
                              @Value("${gateway.deliver.sync-files:true}") boolean syncFiles,
                              @Value("${gateway.deliver.outbox-file-mode:0640}") String fileMode,
                              @Value("${gateway.deliver.outbox-folder-mode:0750}") String folderMode) {
        return new FolderWriter(folders.outbox(), syncFiles, FileModes.parse(fileMode), FileModes.parse(folderMode), node);
    }

    /** Writes sealed originals and their reports into quarantine/, owner-only. */
    @Bean
    FolderWriter quarantineWriter(GatewayProperties folders, NodeId node,
                                  @Value("${gateway.deliver.sync-files:true}") boolean syncFiles) {
        return FolderWriter.ownerOnly(folders.quarantine(), syncFiles, node);
    }

    @Bean("deliverer")
    Deliverer deliverer(GatewayProperties folders, ProducerTemplate producer, FolderWriter outboxWriter) throws IOException {
        Deliverer deliverer = new Deliverer(folders, producer, outboxWriter);
        int removed = deliverer.removeUnfinishedWrites();
        if (removed > 0) {
            LOG.info("removed {} half-written delivery files left in outbox/ by this node's last run or a node gone for an hour", removed);
        }
        return deliverer;
    }

    @Bean("deliveryQueue")
    DeliveryQueue deliveryQueue(RecipientDirectory directory, Journal journal, DeliveryRoutes routes, BodyCipher cipher) {
        return new DeliveryQueue(directory, journal, routes, cipher);
    }

    @Bean("deliveryFailures")
    DeliveryFailures deliveryFailures(Journal journal,
                                      @Value("${gateway.deliver.retry.max-redeliveries}") int maxRedeliveries,
                                      MeterRegistry meters) {
        return new DeliveryFailures(journal, 1 + maxRedeliveries, meters);
    }

    @Bean
    DeliveryRoutes deliveryRoutes(Journal journal) {
        return new DeliveryRoutes(journal);
    }
}
