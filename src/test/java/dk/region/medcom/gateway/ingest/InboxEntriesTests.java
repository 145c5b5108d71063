package dk.region.medcom.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dk.region.medcom.gateway.files.GatewayProperties;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** inbox/ gives the file consumer regular files with names it can handle, and nothing else. */
class InboxEntriesTests {

    @TempDir
    Path data;

    @Test
    void movesLinksFoldersAndFifosAsideUnreadAndRenamesBadNames() throws Exception {
        Path inbox = Files.createDirectories(data.resolve("inbox"));
        Path secret = Files.writeString(data.resolve("secret.txt"), "root's secret");
        Path secretFolder = Files.createDirectories(data.resolve("secrets"));
        Files.createSymbolicLink(inbox.resolve("x.xml"), secret);
        Files.createSymbolicLink(inbox.resolve("folder-link.xml"), secretFolder);
        Files.createSymbolicLink(inbox.resolve("dangling.xml"), data.resolve("missing"));
        Files.createDirectories(inbox.resolve("sub"));
        boolean fifo = new ProcessBuilder("mkfifo", inbox.resolve("pipe.xml").toString()).start().waitFor() == 0;
        Files.writeString(inbox.resolve("a\\b.xml"), "<Emessage/>");
        Files.writeString(inbox.resolve("bell\u0007.xml"), "<Emessage/>");
        Files.writeString(inbox.resolve("n".repeat(230) + ".xml"), "<Emessage/>");
        Files.writeString(inbox.resolve("ok.xml"), "<Emessage/>");
        InboxEntries entries = new InboxEntries(new GatewayProperties(data), new IngestProperties(1024, 1, false, false), Clock.systemUTC());

        entries.sweep();

        List<String> left = names(inbox);
        assertThat(left).hasSize(4).contains("ok.xml").filteredOn(n -> !n.equals("ok.xml"))
                .allMatch(n -> n.matches("renamed-[0-9TZ]+-[0-9a-f]{8}\\.xml"));
        for (String name : left) {
            assertThat(Files.readString(inbox.resolve(name))).isEqualTo("<Emessage/>");
        }
        Path rejected = data.resolve("rejected-entries");
        assertThat(names(rejected)).hasSize(fifo ? 5 : 4)
                .filteredOn(n -> n.endsWith("-symlink")).hasSize(3);
        try (Stream<Path> moved = Files.list(rejected)) {
            assertThat(moved.filter(p -> p.getFileName().toString().endsWith("-symlink")))
                    .allMatch(Files::isSymbolicLink);
        }
        assertThat(secret).hasContent("root's secret");
        assertThat(secretFolder).isDirectory();
    }

    /**
     * Two nodes sweep one shared inbox/: the one that comes second finds the entry gone (the first
     * renamed or moved it) and says nothing, where it used to log an ERROR that it could not.
     */
    @Test
    void anEntryAnotherNodeHandledFirstIsNoError() {
        InboxEntries entries = new InboxEntries(new GatewayProperties(data), new IngestProperties(1024, 1, false, true), Clock.systemUTC());
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(InboxEntries.class);
        logger.addAppender(log);
        try {
            entries.rename(data.resolve("inbox").resolve("bell\u0007.xml"), "bell\u0007.xml");
            entries.moveAside(data.resolve("inbox").resolve("link.xml"), "link.xml", "symlink");
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).isEmpty();
    }

    @Test
    void theFilterLetsThroughOnlyRegularFilesWithGoodNames() throws Exception {
        Path inbox = Files.createDirectories(data.resolve("inbox"));
        Path link = Files.createSymbolicLink(inbox.resolve("x.xml"), Files.writeString(data.resolve("s"), "s"));
        Path good = Files.writeString(inbox.resolve("ok.xml"), "x");
        Path bad = Files.writeString(inbox.resolve("a\\b.xml"), "x");
        InboxEntries entries = new InboxEntries(new GatewayProperties(data), new IngestProperties(1024, 1, false, false), Clock.systemUTC());

        assertThat(entries.accept(file(link))).isFalse();
        assertThat(entries.accept(file(bad))).isFalse();
        assertThat(entries.accept(file(good))).isTrue();
        assertThat(Files.isSymbolicLink(link) && Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    /** Found by README's tour: with the default data folder ./data the filter refused every file. */
    @Test
    void theFilterTakesFilesWhateverFormTheDataFolderIsGivenIn() throws Exception {
        Path relative = Path.of("target", "inbox-entries-" + System.nanoTime());
        Path inbox = Files.createDirectories(relative.resolve("inbox"));
        Files.createDirectories(inbox.resolve("5790000100019"));
        Files.writeString(inbox.resolve("ok.xml"), "x");
        Files.writeString(inbox.resolve("5790000100019").resolve("own.xml"), "x");
        InboxEntries entries = new InboxEntries(new GatewayProperties(Path.of(".").resolve(relative)),
                new IngestProperties(1024, 1, true, false), Clock.systemUTC());

        assertThat(entries.accept(file(inbox.resolve("ok.xml")))).isTrue();
        assertThat(entries.accept(file(inbox.toAbsolutePath().resolve("ok.xml")))).isTrue();
        assertThat(entries.accept(file(Path.of(".").resolve(inbox).resolve("5790000100019").resolve("own.xml")))).isTrue();
    }

    @Test
    void logsAShortExcerptOfANameWithoutDigitsOrControlCharacters() {
        assertThat(InboxEntries.excerpt("0101904016-\u0007\nbrev.xml")).isEqualTo("##########-??brev.xml");
        assertThat(InboxEntries.excerpt("x".repeat(500))).hasSize(27);
    }

    private static GenericFile<File> file(Path path) {
        GenericFile<File> file = new GenericFile<>();
        file.setFile(path.toFile());
        return file;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
