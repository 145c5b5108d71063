package dk.region.medcom.gateway;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * One gateway per data folder: a second one would share the broker journal and the H2 file with
 * the first and die deep inside H2 ("use the server mode") after 140 lines of log. The gateway
 * takes an exclusive lock on {@code <data-dir>/.lock} once Spring has read its settings (so the
 * data folder is the one it will use, however it was given) and before logging, the broker or the
 * journal start; a second gateway says so in one line and exits. The operating system drops the
 * lock when the process ends, killed or not, so a crash leaves no stale lock behind.
 */
public final class DataDirectoryLock implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** The exit code of a gateway whose data folder another gateway uses. */
    public static final int IN_USE = 3;

    // held for the life of the process; the lock goes when the JVM does
    private static FileChannel held;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Path dataDir = Path.of(event.getEnvironment().getProperty("gateway.data-dir", "./data"));
        Optional<String> refusal = acquire(dataDir);
        if (refusal.isPresent()) {
            // nothing has started yet, so there is nothing to stop: one line, not a Spring failure report
            System.err.println(refusal.get());
            System.exit(IN_USE);
        }
    }

    /** After the config files are read (EnvironmentPostProcessorApplicationListener), before logging starts. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }

    /** Takes the data folder for this process; empty when taken, else the reason why not, in one line. */
    static synchronized Optional<String> acquire(Path dataDir) {
        Path lockFile = dataDir.toAbsolutePath().normalize().resolve(".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.of("the data folder " + lockFile.getParent() + " is in use by another gateway"
                        + " (it holds " + lockFile.getFileName() + "): stop that one, or give this one its own --gateway.data-dir");
            }
            held = channel;
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot lock the data folder " + lockFile.getParent() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** Gives the data folder up again (tests only: a gateway keeps it until its process ends). */
    static synchronized void release() throws IOException {
        if (held != null) {
            held.close();
            held = null;
        }
    }
}
