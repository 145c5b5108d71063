package dk.region.medcom.gateway.ingest;

import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which node takes a file from a shared {@code inbox/} ({@code gateway.ingest.shared-inbox}): the
 * first to write the file's claim into the journal database (table {@code inbox_claim}). The file
 * consumer of routes/ingest.yaml asks {@link #readLock()} which read lock to use: with one node
 * {@code changed}, as ever; shared, {@code idempotent-changed}, the claim first, then the same
 * settle check. A node refreshes its claims every few seconds; a claim left by a node that died
 * is free after {@link #ORPHAN_AFTER}. A claim names the file by its path inside inbox/, so each
 * node may mount the folder where it likes; all must use the same {@code tracking-id-key}, so that
 * a file taken again after a crash keeps its tracking id on whichever node takes it.
 */
@Configuration(proxyBeanMethods = false)
public class InboxClaims {

    static final String PROCESSOR = "inbox";
    static final Duration ORPHAN_AFTER = Duration.ofSeconds(30);

    private final boolean shared;

    InboxClaims(IngestProperties properties) {
        this.shared = properties.sharedInbox();
    }

    /** The inbox's read lock (routes/ingest.yaml: {@code {{bean:inboxClaims.readLock}}}). */
    public String readLock() {
        return shared ? "idempotent-changed" : "changed";
    }

    /** Used by the read lock only when shared; a single node's {@code changed} lock never asks it. */
    @Bean(destroyMethod = "stop")
    IdempotentRepository inboxClaimRepository(DataSource dataSource) {
        return shared ? claims(dataSource) : MemoryIdempotentRepository.memoryIdempotentRepository();
    }

    static InboxClaimRepository claims(DataSource dataSource) {
        InboxClaimRepository claims = new InboxClaimRepository(dataSource, ORPHAN_AFTER);
        claims.start();
        return claims;
    }
}
