package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** A long scheduled run (retention, say) does not hold up a frequent one (the H2 journal sync). */
class SchedulingConfigurationTests {

    @Test
    void aFrequentTaskKeepsRunningWhileAnotherIsBusy() throws Exception {
        try (AnnotationConfigApplicationContext context =
                     new AnnotationConfigApplicationContext(SchedulingConfiguration.class, Tasks.class)) {
            Tasks tasks = context.getBean(Tasks.class);
            assertThat(tasks.longRunStarted.await(10, TimeUnit.SECONDS)).isTrue();
            int before = tasks.frequentRuns.get();

            // with one scheduler thread the frequent task would wait the long run's 30 s out
            await().atMost(Duration.ofSeconds(10)).until(() -> tasks.frequentRuns.get() >= before + 20);

            assertThat(tasks.longRunFinished.getCount()).as("the long run is still running").isOne();
            tasks.release.countDown();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Tasks {

        final CountDownLatch longRunStarted = new CountDownLatch(1);
        final CountDownLatch longRunFinished = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger frequentRuns = new AtomicInteger();

        @Scheduled(fixedDelay = 60_000)
        void longRun() throws InterruptedException {
            longRunStarted.countDown();
            release.await(30, TimeUnit.SECONDS);
            longRunFinished.countDown();
        }

        @Scheduled(fixedDelay = 10)
        void frequentRun() {
            frequentRuns.incrementAndGet();
        }
    }
}
