package io.barfeed.run;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The most heap a once-run kept alive: the heap in use right after each garbage collection, at its
 * highest. Unlike the pools' peaks (garbage included), this is the memory the run really needed.
 */
final class HeapAfterGc {

    private final AtomicLong peakBytes = new AtomicLong();

    HeapAfterGc() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum();
                        peakBytes.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
    }

    long peakMegabytes() {
        return peakBytes.get() / (1024 * 1024);
    }
}
