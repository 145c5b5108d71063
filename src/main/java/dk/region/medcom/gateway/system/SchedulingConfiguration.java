package dk.region.medcom.gateway.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Background work: the H2 journal's sync and compaction (every fraction of a second), journal
 * retention, the unacknowledged-receipt check, the recipient directory's reload.
 *
 * <p>Several threads, not Spring's default of one: an hour's retention run that takes minutes
 * must not hold up the H2 sync meanwhile (each task still never overlaps itself). Spring Boot's
 * own scheduler auto-configuration is excluded (application.yaml), so the gateway makes its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

    private static final int THREADS = 4;

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(THREADS);
        scheduler.setThreadNamePrefix("gateway-scheduled-");
        return scheduler;
    }
}
