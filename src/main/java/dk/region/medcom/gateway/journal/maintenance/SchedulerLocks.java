package dk.region.medcom.gateway.journal.maintenance;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled work that changes the shared journal runs on one gateway node at a time: a method
 * marked {@code @SchedulerLock} runs only on the node that holds its row in {@code shedlock}
 * (ShedLock; the database's clock, so the nodes' clocks need not agree). A node that dies holding
 * it frees it after the job's {@code lockAtMostFor}. The overdue-receipt check takes its lock by
 * hand for its log lines only (UnacknowledgedCheck). Jobs that only read, or keep the node's own
 * state (the H2 sync and compaction, the directory reload, the overdue-receipt gauge), run on
 * every node.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class SchedulerLocks {

    @Bean
    LockProvider schedulerLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
