package dk.region.medcom.gateway.system;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Releases start-up garbage once the gateway is ready. Start-up allocates a few hundred MB that die
 * young (configuration parsing, class metadata, schema compilation); G1 grows the heap for that
 * burst and keeps it committed while the gateway idles. One full collection, with the free-ratio
 * limits lowered for just that collection, lets G1 give the excess back to the operating system.
 */
@Component
class StartupGarbage {

    @EventListener(ApplicationReadyEvent.class)
    void release() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        try {
            vm.setVMOption("MinHeapFreeRatio", "10");
            vm.setVMOption("MaxHeapFreeRatio", "30");
            System.gc();
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", max);
            vm.setVMOption("MinHeapFreeRatio", min);
        }
    }
}
