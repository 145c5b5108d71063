package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.region.medcom.gateway.api.GatewayUsers;
import dk.region.medcom.gateway.files.GatewayProperties;
import dk.region.medcom.gateway.ingest.IngestProperties;
import dk.region.medcom.gateway.journal.JournalProperties;
import dk.region.medcom.gateway.receipts.ReceiptProperties;
import dk.region.medcom.gateway.route.RouteProperties;
import dk.region.medcom.gateway.validate.ValidateProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * config/application-production.yaml, the example production configuration: every key it sets is
 * one the gateway or Spring reads (a misspelled key would silently do nothing), it binds into the
 * gateway's settings, it has no users and no literal keys, and it names PostgreSQL and a broker pair.
 */
class ProductionConfigTests {

    static final Path PRODUCTION = Path.of("config/application-production.yaml");
    private static final Set<Class<? extends Record>> GATEWAY_SETTINGS = Set.of(GatewayProperties.class,
            IngestProperties.class, JournalProperties.class, ReceiptProperties.class, RouteProperties.class,
            LoginProperties.class, ValidateProperties.class, GatewayUsers.class);
    /** Keys the gateway reads by name: @Value("${...}"), binder.bind("..."), {{...}} in the routes. */
    private static final Pattern READ_BY_NAME = Pattern.compile("(?:\\$\\{|\\{\\{|bind\\(\")(gateway\\.[a-z0-9.-]+)");

    @Test
    void everyKeyIsOneTheGatewayOrSpringReads() {
        assertThat(unknownKeys(load(new FileSystemResource(PRODUCTION)))).isEmpty();
    }

    @Test
    void aMisspelledKeyIsFound(@TempDir Path folder) throws IOException {
        Path typo = folder.resolve("typo.yaml");
        Files.writeString(typo, """
                gateway:
                  journal:
                    encyption-key: x
                    retention:
                      bodies-after: P30D
                spring:
                  artemis:
                    brokr-url: tcp://a:61616
                  datasource:
                    url: jdbc:postgresql://db/medcom
                """);

        assertThat(unknownKeys(load(new FileSystemResource(typo))))
                .containsExactlyInAnyOrder("gateway.journal.encyption-key", "spring.artemis.brokr-url");
    }

    @Test
    void itBindsWithTheKeysFromTheEnvironmentAndNoUsers() {
        String bodyKey = Base64.getEncoder().encodeToString(new byte[32]);
        String hashKey = Base64.getEncoder().encodeToString("a CPR hash key of 32 bytes or so".getBytes());
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(load(new FileSystemResource(PRODUCTION)));
        environment.getPropertySources().addLast(new MapPropertySource("systemd", Map.of(
                "GATEWAY_JOURNAL_ENCRYPTION_KEY", bodyKey, "GATEWAY_JOURNAL_CPR_HASH_KEY", hashKey,
                "GATEWAY_INGEST_TRACKING_ID_KEY", hashKey, "GATEWAY_DB_PASSWORD", "db", "GATEWAY_BROKER_PASSWORD", "mq")));
        Binder binder = Binder.get(environment);

        JournalProperties journal = binder.bind("gateway.journal", JournalProperties.class).get();
        assertThat(journal.encryptionKey()).isEqualTo(bodyKey);
        assertThat(journal.cprHashKey()).isEqualTo(hashKey);
        assertThat(journal.retention().bodiesAfter()).hasDays(90);
        assertThat(binder.bind("gateway", GatewayProperties.class).get().dataDir()).isEqualTo(Path.of("/var/lib/medcom-gateway"));
        assertThat(binder.bind("gateway.users", Map.class).orElse(Map.of())).as("users come from users.yaml").isEmpty();
        assertThat(binder.bind("spring.datasource.url", String.class).get()).startsWith("jdbc:postgresql://");
        assertThat(binder.bind("spring.datasource.password", String.class).get()).isEqualTo("db");
        assertThat(binder.bind("spring.artemis.mode", String.class).get()).isEqualTo("native");
        assertThat(binder.bind("spring.artemis.embedded.enabled", Boolean.class).get()).isFalse();
        assertThat(binder.bind("spring.profiles.active", String.class).isBound()).as("never the demo profile").isFalse();
    }

    @Test
    void theKeysComeFromTheCredentialFilesSystemdHandsTheService(@TempDir Path credentials) throws IOException {
        // as LoadCredential= leaves them: one file per property, a key as openssl writes it (newline)
        String bodyKey = Base64.getEncoder().encodeToString(new byte[32]);
        Files.writeString(credentials.resolve("gateway.journal.encryption-key"), bodyKey + "\n");
        Files.writeString(credentials.resolve("spring.datasource.password"), "from systemd");

        org.springframework.boot.builder.SpringApplicationBuilder application =
                new org.springframework.boot.builder.SpringApplicationBuilder(Nothing.class)
                        .web(org.springframework.boot.WebApplicationType.NONE).logStartupInfo(false)
                        .profiles("production")
                        .properties("spring.config.location=optional:classpath:/nothing.yaml",
                                "spring.config.additional-location=file:" + PRODUCTION.toAbsolutePath().getParent() + "/",
                                "CREDENTIALS_DIRECTORY=" + credentials);
        // without Spring's logging set-up: the production profile's JSON console would stay in this JVM
        application.application().setListeners(application.application().getListeners().stream()
                .filter(listener -> !(listener instanceof org.springframework.boot.context.logging.LoggingApplicationListener))
                .toList());
        try (org.springframework.context.ConfigurableApplicationContext started = application.run()) {
            org.springframework.core.env.ConfigurableEnvironment environment = started.getEnvironment();
            assertThat(environment.getProperty("gateway.journal.encryption-key")).isEqualTo(bodyKey);
            assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("from systemd");
            assertThat(environment.getProperty("spring.artemis.mode")).isEqualTo("native");
        }
    }

    /** An application of nothing: only its environment is looked at. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Test
    void keysAndPasswordsAreNeverLiteralAndTheBrokerIsAPair() {
        PropertySource<?> production = load(new FileSystemResource(PRODUCTION));
        for (String secret : List.of("gateway.journal.encryption-key", "gateway.journal.cpr-hash-key",
                "gateway.ingest.tracking-id-key", "spring.datasource.password", "spring.artemis.password")) {
            assertThat(String.valueOf(production.getProperty(secret))).as(secret)
                    .matches("\\$\\{[A-Z_]+\\}"); // from the environment or a credential file, no default
        }
        assertThat(names(production)).noneMatch(key -> key.startsWith("gateway.users"));
        String url = String.valueOf(production.getProperty("spring.artemis.broker-url"));
        assertThat(url).startsWith("(tcp://").contains(",tcp://").contains("ha=true").contains("reconnectAttempts=-1");
        assertThat(production.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(production.getProperty("server.shutdown")).isEqualTo("graceful");
    }

    /** The keys of {@code config} that neither the gateway nor Spring (its configuration metadata) knows. */
    static Set<String> unknownKeys(PropertySource<?> config) {
        Set<String> known = new TreeSet<>();
        Set<String> mapPrefixes = new TreeSet<>();
        springMetadata(known, mapPrefixes);
        known.addAll(names(load(new ClassPathResource("application.yaml"))));
        GATEWAY_SETTINGS.forEach(settings -> recordKeys(settings.getAnnotation(ConfigurationProperties.class).value(),
                settings, known, mapPrefixes));
        known.addAll(readByName());
        Set<String> unknown = new TreeSet<>();
        for (String key : names(config)) {
            String plain = key.replaceAll("\\[\\d+]", "");
            if (!known.contains(plain) && mapPrefixes.stream().noneMatch(prefix -> plain.startsWith(prefix + "."))) {
                unknown.add(plain);
            }
        }
        return unknown;
    }

    private static void springMetadata(Set<String> known, Set<String> mapPrefixes) {
        ObjectMapper json = new ObjectMapper();
        try {
            for (String file : List.of("META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json")) {
                for (URL url : Collections.list(ProductionConfigTests.class.getClassLoader().getResources(file))) {
                    try (InputStream in = url.openStream()) {
                        for (JsonNode property : json.readTree(in).path("properties")) {
                            String name = property.path("name").asText();
                            known.add(name);
                            if (property.path("type").asText().startsWith("java.util.Map")) {
                                mapPrefixes.add(name);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** prefix.component-name for every component, into nested records; a map of records: prefix.name.*. */
    private static void recordKeys(String prefix, Class<?> type, Set<String> known, Set<String> mapPrefixes) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
            if (component.getType().isRecord()) {
                recordKeys(key, component.getType(), known, mapPrefixes);
            } else if (Map.class.isAssignableFrom(component.getType())) {
                mapPrefixes.add(key);
            } else {
                known.add(key);
            }
        }
    }

    private static Set<String> readByName() {
        Set<String> keys = new TreeSet<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("routes"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher key = READ_BY_NAME.matcher(Files.readString(file));
                    while (key.find()) {
                        keys.add(key.group(1).replaceAll("[.-]$", ""));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    static PropertySource<?> load(Resource yaml) {
        try {
            List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(yaml.getFilename(), yaml);
            Map<String, Object> all = new LinkedHashMap<>();
            documents.forEach(document -> names(document).forEach(name -> all.put(name, document.getProperty(name))));
            return new MapPropertySource(yaml.getFilename(), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> names(PropertySource<?> source) {
        return new TreeSet<>(List.of(((EnumerablePropertySource<?>) source).getPropertyNames()));
    }
}
