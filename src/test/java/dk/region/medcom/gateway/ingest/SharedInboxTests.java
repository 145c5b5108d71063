package dk.region.medcom.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dk.region.medcom.gateway.files.GatewayProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two gateway nodes on one inbox/ and one journal database ({@code gateway.ingest.shared-inbox}):
 * two Camel contexts, each with the inbox consumer exactly as routes/ingest.yaml configures it,
 * claiming files in the real {@code inbox_claim} table (Flyway's migrations on H2). Each node writes
 * what it took into a table whose primary key is the file's name, so a file taken twice fails.
 */
class SharedInboxTests {

    private static final int FILES = 300;

    @TempDir
    Path data;

    private DataSource database;
    private JdbcClient jdbc;
    private final List<CamelContext> nodes = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    @BeforeEach
    void journalDatabase() {
        database = new DriverManagerDataSource(
                "jdbc:h2:mem:shared-inbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).load().migrate();
        jdbc = JdbcClient.create(database);
        jdbc.sql("create table taken (file_name varchar(200) primary key, node varchar(10), content varchar(100))").update();
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (CamelContext node : nodes) {
            node.close();
        }
    }

    @Test
    void twoNodesOnOneInboxTakeEachFileExactlyOnce() throws Exception {
        Path inbox = Files.createDirectories(data.resolve("inbox"));
        startNode("a", data);
        // node b sees the same folder through a link in its own data folder: claims name files
        // by their path inside inbox/, not by where a node has it
        Path other = Files.createDirectories(data.resolve("node-b"));
        Files.createSymbolicLink(other.resolve("inbox"), inbox);
        startNode("b", other);

        for (int i = 0; i < FILES; i++) {
            Path part = inbox.resolve("letter-" + i + ".xml.part");
            Files.writeString(part, "<Emessage n=\"" + i + "\"/>");
            Files.move(part, inbox.resolve("letter-" + i + ".xml"));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> taken() >= FILES || !failures.isEmpty());
        assertThat(failures).isEmpty();
        assertThat(taken()).isEqualTo(FILES);
        assertThat(jdbc.sql("select count(distinct content) from taken").query(Long.class).single()).isEqualTo(FILES);
        // both nodes did take files (a test where one node took everything would prove little)
        assertThat(jdbc.sql("select count(distinct node) from taken").query(Long.class).single()).isEqualTo(2);
        try (Stream<Path> left = Files.list(inbox)) {
            assertThat(left).isEmpty();
        }
        // the claims go once their files have left inbox/ (after the release delay)
        await().atMost(Duration.ofSeconds(30)).until(() -> claims() == 0);
        assertThat(failures).isEmpty();
    }

    @Test
    void aFileClaimedByALiveNodeWaitsAndOneClaimedByADeadNodeIsTaken() throws Exception {
        Path inbox = Files.createDirectories(data.resolve("inbox"));
        Path held = Files.writeString(inbox.resolve("held.xml"), "<Emessage/>");
        Path orphaned = Files.writeString(inbox.resolve("orphaned.xml"), "<Emessage/>");
        long now = System.currentTimeMillis();
        claim(held, now + TimeUnit.MINUTES.toMillis(10));          // another node, refreshing its claim
        claim(orphaned, now - InboxClaims.ORPHAN_AFTER.toMillis() - 1000); // a node that died with it
        startNode("a", data);

        await().atMost(Duration.ofSeconds(30)).until(() -> taken() >= 1 || !failures.isEmpty());
        // the taken file's claim goes after the release delay; hundreds of polls have met held.xml by then
        await().atMost(Duration.ofSeconds(30)).until(() -> claims() == 1);
        assertThat(jdbc.sql("select file_name from taken").query(String.class).list()).containsExactly("orphaned.xml");
        // the other node's claim is still there, untouched (Camel's eager idempotent consumer used to delete it)
        assertThat(jdbc.sql("select messageId from inbox_claim").query(String.class).single())
                .isEqualTo("held.xml");
        assertThat(held).exists();
        assertThat(orphaned).doesNotExist();
        assertThat(failures).isEmpty();
    }

    @Test
    void aStartingNodeClearsClaimsNoNodeRefreshesAnyMore() throws Exception {
        Path inbox = Files.createDirectories(data.resolve("inbox"));
        long now = System.currentTimeMillis();
        claim(inbox.resolve("gone-long-ago.xml"), now - InboxClaims.ORPHAN_AFTER.toMillis() - 1000);
        claim(inbox.resolve("being-taken.xml"), now);

        InboxClaims.claims(database).stop();

        assertThat(jdbc.sql("select messageId from inbox_claim").query(String.class).list())
                .containsExactly("being-taken.xml");
    }

    @Test
    void aRunningNodeClearsTheClaimsOfANodeThatDied() {
        InboxClaimRepository claims = InboxClaims.claims(database);
        claims.stop(); // refreshed by hand below
        long now = System.currentTimeMillis();
        claim(data.resolve("inbox/left-by-a-dead-node.xml"), now - InboxClaims.ORPHAN_AFTER.toMillis() - 1000);
        assertThat(claims.add("taken-here.xml")).isTrue();

        claims.refresh();

        assertThat(jdbc.sql("select messageId from inbox_claim").query(String.class).list())
                .containsExactly("taken-here.xml");
    }

    @Test
    void aSingleNodeKeepsTheChangedReadLockAndNeedsNoClaims() {
        assertThat(new InboxClaims(new IngestProperties(1024, 1, false, false)).readLock()).isEqualTo("changed");
        assertThat(new InboxClaims(new IngestProperties(1024, 1, false, true)).readLock()).isEqualTo("idempotent-changed");
    }

    private void startNode(String name, Path dataDir) throws Exception {
        IngestProperties properties = new IngestProperties(1024, 1, false, true);
        CamelContext node = new DefaultCamelContext();
        Properties values = new Properties();
        values.put("gateway.data-dir", dataDir.toString());
        values.put("gateway.ingest.inbox-settle-ms", "1");
        values.put("gateway.ingest.inbox-poll-ms", "10");
        values.put("gateway.ingest.sender-folders", "false");
        node.getPropertiesComponent().setInitialProperties(values);
        node.getRegistry().bind("inboxClaims", new InboxClaims(properties));
        node.getRegistry().bind("inboxClaimRepository", InboxClaims.claims(database));
        node.getRegistry().bind("inboxEntries", new InboxEntries(new GatewayProperties(dataDir), properties, Clock.systemUTC()));
        String uri = inboxUri();
        node.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("ingest-folder-" + name).threads(4).process(exchange -> {
                    try {
                        jdbc.sql("insert into taken values (:file, :node, :content)")
                                .param("file", exchange.getIn().getHeader("CamelFileName", String.class))
                                .param("node", name)
                                .param("content", exchange.getIn().getBody(String.class)).update();
                    } catch (RuntimeException e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                        throw e;
                    }
                });
            }
        });
        node.start();
        nodes.add(node);
        FileEndpoint endpoint = (FileEndpoint) node.getRoute("ingest-folder-" + name).getEndpoint();
        assertThat(endpoint.getReadLock()).isEqualTo("idempotent-changed");
        assertThat(endpoint.getIdempotentRepository()).isSameAs(node.getRegistry().lookupByName("inboxClaimRepository"));
    }

    /** The inbox consumer's URI as routes/ingest.yaml has it (placeholders resolved by the node). */
    private static String inboxUri() throws Exception {
        JsonNode routes = new ObjectMapper(new YAMLFactory()).readTree(Path.of("routes/ingest.yaml").toFile());
        for (JsonNode route : routes) {
            if ("ingest-folder".equals(route.path("route").path("id").asText())) {
                JsonNode from = route.path("route").path("from");
                StringBuilder uri = new StringBuilder(from.path("uri").asText()).append('?');
                Iterator<Map.Entry<String, JsonNode>> parameters = from.path("parameters").fields();
                while (parameters.hasNext()) {
                    Map.Entry<String, JsonNode> parameter = parameters.next();
                    uri.append(parameter.getKey()).append("=RAW(").append(parameter.getValue().asText()).append(")&");
                }
                return uri.substring(0, uri.length() - 1);
            }
        }
        throw new IllegalStateException("routes/ingest.yaml has no route ingest-folder");
    }

    private void claim(Path file, long at) {
        jdbc.sql("insert into inbox_claim (processorName, messageId, createdAt) values (:p, :id, :at)")
                .param("p", InboxClaims.PROCESSOR).param("id", file.getFileName().toString())
                .param("at", new Timestamp(at)).update();
    }

    private long taken() {
        return jdbc.sql("select count(*) from taken").query(Long.class).single();
    }

    private long claims() {
        return jdbc.sql("select count(*) from inbox_claim").query(Long.class).single();
    }
}
