package io.pacer.benchmarks.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mixed carrier run's check in short, on every build: 8 s of dialling at 3 calls a second against the mixed
 * SIPp carrier (answers with session timers, carrier hang-ups, early media, busy, no answer, 503 with
 * Retry-After), then until every call has ended (the timed sessions last about 42 s, for their refresh). Every
 * contact's record must match what the carrier did with its number, every INVITE must have its record, every
 * timed session its refresh, and nothing may be left on a line.
 */
class CarrierMixTest {

    @Test
    void everyContactsRecordMatchesWhatTheCarrierDidAndNothingIsBurntOrLeftUp() throws Exception {
        CarrierMix.Result r = CarrierMix.run(8, 3, 20, Path.of("sipp").toAbsolutePath(),
                Path.of("target/carrier-mix-test"));
        assertEquals(List.of(), r.failures(), CarrierMixReport.markdown(r));
        assertTrue(r.check.records >= 10, "too few calls to say anything: " + r.check.records);
        assertTrue(r.check.byOutcome.getOrDefault(CallOutcome.CONNECTED, 0L) > 0, CarrierMixReport.markdown(r));
        assertTrue(r.check.sessionCalls > 0, "no timed session was dialled: " + CarrierMixReport.markdown(r));
    }
}
