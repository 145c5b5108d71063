package dk.region.medcom.gateway.route;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks the recipient directory file for changes; an operator's edit takes effect within seconds. */
@Component
class DirectoryReloader {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryReloader.class);

    private final RecipientDirectory directory;

    DirectoryReloader(RecipientDirectory directory) {
        this.directory = directory;
    }

    @Scheduled(fixedDelayString = "${gateway.route.reload-check-ms:2000}")
    void reloadIfChanged() {
        try {
            if (directory.reloadIfChanged()) {
                LOG.info("recipient directory reloaded: {} recipients", directory.size());
            }
        } catch (InvalidDirectoryException e) {
            LOG.error("recipient directory NOT reloaded, the previous one stays in force: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("recipient directory NOT reloaded, the previous one stays in force: {}", e.toString());
        }
    }
}
