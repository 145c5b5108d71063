package dk.region.medcom.gateway.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Creates the data directory's folders before any bean runs (the broker, the journal database and
 * the key files write into them as they start), owner-only: 0700, so that what the broker and H2
 * write inside is not readable by other users whatever the umask. outbox/ takes
 * gateway.deliver.outbox-folder-mode for the recipients' readers, and the data folder itself then
 * lets those readers pass through (execute bit only), never list it. A folder that already exists
 * keeps its mode: an operator may have opened inbox/ to a senders' group on purpose.
 */
public class DataFolders implements BeanFactoryPostProcessor, EnvironmentAware {

    public static final String REJECTED_ENTRIES = "rejected-entries";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Binder binder = Binder.get(environment);
        Path data = binder.bind("gateway.data-dir", Path.class).orElse(Path.of("data"));
        Set<PosixFilePermission> outboxFolders = FileModes.parse(
                binder.bind("gateway.deliver.outbox-folder-mode", String.class).orElse("0750"));
        Set<PosixFilePermission> dataFolder = EnumSet.copyOf(FileModes.OWNER_FOLDER);
        if (outboxFolders.contains(PosixFilePermission.GROUP_EXECUTE)) {
            dataFolder.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (outboxFolders.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            dataFolder.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        create(data, dataFolder);
        create(data.resolve("outbox"), outboxFolders);
        for (Path folder : new Path[] {data.resolve("inbox"), data.resolve("quarantine"), data.resolve(REJECTED_ENTRIES),
                data.resolve("journal"),
                binder.bind("gateway.journal.database-dir", Path.class).orElse(data.resolve("journal")),
                binder.bind("spring.artemis.embedded.data-directory", Path.class).orElse(data.resolve("artemis"))}) {
            create(folder, FileModes.OWNER_FOLDER);
        }
    }

    private static void create(Path folder, Set<PosixFilePermission> mode) {
        try {
            FileModes.createDirectories(folder, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + folder, e);
        }
    }
}
