package dk.region.medcom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One gateway per data folder (a second process: LauncherIT). */
class DataDirectoryLockTests {

    @TempDir
    Path parent;

    @AfterEach
    void release() throws IOException {
        DataDirectoryLock.release();
    }

    @Test
    void theFirstTakesTheFolderAndASecondIsToldInOneLine() {
        Path data = parent.resolve("data");

        assertThat(DataDirectoryLock.acquire(data)).as("a new folder is made and taken").isEmpty();
        assertThat(data.resolve(".lock")).exists();

        assertThat(DataDirectoryLock.acquire(parent.resolve("data/../data"))).hasValueSatisfying(refusal -> assertThat(refusal)
                .contains("the data folder " + data.toAbsolutePath() + " is in use by another gateway")
                .contains("--gateway.data-dir")
                .doesNotContain("\n"));
    }

    @Test
    void theFolderIsFreeAgainOnceReleased() throws IOException {
        Path data = parent.resolve("data");
        assertThat(DataDirectoryLock.acquire(data)).isEmpty();

        DataDirectoryLock.release();

        assertThat(DataDirectoryLock.acquire(data)).isEmpty();
    }
}
