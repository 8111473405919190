package io.pacer.benchmarks.sip;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.pacer.engine.core.StartupHeap;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What the benchmark reads of its own JVM without disturbing it: process CPU, the CPU of the virtual agents'
 * threads (harness, not Pacer), and heap after each collection as the collector reports it, so that no
 * sample forces a collection (a forced full GC in the middle of a run would show up as latency).
 */
final class JvmGauges {

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong heapAfterGc = new AtomicLong();
    private final AtomicLong gcCount = new AtomicLong();
    private final AtomicLong gcMaxMillis = new AtomicLong();

    JvmGauges() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = 0;
                    for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                        used += u.getUsed();
                    }
                    heapAfterGc.set(used);
                    if (!info.getGcName().contains("Concurrent")) {
                        gcCount.incrementAndGet();
                        long d = info.getGcInfo().getDuration();
                        gcMaxMillis.accumulateAndGet(d, Math::max);
                    }
                }, null, null);
            }
        }
    }

    long processCpuNanos() {
        return os.getProcessCpuTime();
    }

    /** CPU of the threads whose name starts with {@code prefix}, in nanoseconds. */
    long threadCpuNanos(String prefix) {
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(prefix)) {
                long cpu = threads.getThreadCpuTime(t.getThreadId());
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }

    /** Heap in use right after the latest collection, in MB. */
    long heapAfterGcMb() {
        return heapAfterGc.get() >> 20;
    }

    /**
     * Heap in use after a full collection, in MB: what is really alive. Forces the collection, so it is read
     * only outside measured windows.
     */
    static long liveHeapMb() {
        StartupHeap.settle();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    long gcCount() {
        return gcCount.get();
    }

    /** The longest stop-the-world pause so far, then starts over. */
    long takeGcMaxMillis() {
        return gcMaxMillis.getAndSet(0);
    }
}
