package io.pacer.launcher.cluster;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.EngineInput;
import io.pacer.launcher.DialOnlyTelephony;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A carrier in the telephony port's place that writes every INVITE to a log file ({@code INVITE node campaign contact
 * call}, flushed before the call goes on, as the wire would have it), reports the call placed at once and finds the
 * number busy a little later, from its own thread as the SIP adapter reports.
 */
final class RecordingCarrier extends DialOnlyTelephony {

    private final String node;
    private final FileOutputStream log;
    private final ScheduledExecutorService wire = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "recording-carrier");
        t.setDaemon(true);
        return t;
    });
    private volatile EngineInput engine;

    RecordingCarrier(String node, Path log) throws IOException {
        this.node = node;
        this.log = new FileOutputStream(log.toFile(), true);
    }

    /** Where the carrier's events go (the node's ring), once it is built. */
    void connect(EngineInput to) {
        this.engine = to;
    }

    @Override
    public void dial(long callId, int campaignId, long contactId, String number, String callerId, long ringTimeoutMillis) {
        synchronized (log) {
            try {
                log.write(("INVITE " + node + " " + campaignId + " " + contactId + " " + callId + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
                log.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        wire.execute(() -> engine.callPlaced(callId));
        wire.schedule(() -> engine.callFailed(callId, CallOutcome.BUSY), 150, TimeUnit.MILLISECONDS);
    }
}
