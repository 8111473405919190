package io.pacer.sip.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pacer.sip.stack.SipConfig;
import io.pacer.sip.stack.TrunkProbeSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trunk a new call takes: the most preferred that can take it, shared by weight, never one tried. */
class TrunkRouteTest {

    private static TrunkState trunk(String name, int priority, int weight, int channels) {
        return new TrunkState(new SipConfig.TrunkConfig(name, "127.0.0.1", 5060, "udp", null, 0, null, null, "x",
                channels, 100, List.of()).withRouting(priority, weight, TrunkProbeSettings.DEFAULTS));
    }

    private static String picks(TrunkRoute route, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(route.pick(System.nanoTime(), 0).config.name());
        }
        return s.toString();
    }

    @Test
    void equalPriorityTrunksShareCallsByWeightInterleaved() {
        TrunkRoute route = new TrunkRoute(List.of(trunk("A", 1, 2, 10), trunk("B", 1, 1, 10)));
        assertEquals("ABAABA", picks(route, 6));
    }

    @Test
    void theNextPriorityIsUsedOnlyWhenNoPreferredTrunkCanTakeACall() {
        TrunkState a = trunk("A", 1, 1, 1);
        TrunkState b = trunk("B", 2, 1, 10);
        TrunkRoute route = new TrunkRoute(List.of(a, b));
        assertEquals("AAA", picks(route, 3));
        a.channelsInUse = 1;
        assertEquals("B", picks(route, 1), "full");
        a.channelsInUse = 0;
        a.backoffUntilNanos = System.nanoTime() + 5_000_000_000L;
        assertEquals("B", picks(route, 1), "backing off");
        a.backoffUntilNanos = System.nanoTime();
        a.up = false;
        assertEquals("B", picks(route, 1), "down");
        assertEquals(10, route.placeableNow(), "a down trunk's channels are not offered to the engine");
        a.up = true;
        assertEquals("A", picks(route, 1));
        assertEquals(11, route.placeableNow());
    }

    @Test
    void aCallNeverFailsOverToATrunkItTriedAndNoneLeftMeansNone() {
        TrunkState a = trunk("A", 1, 1, 10);
        TrunkState b = trunk("B", 2, 1, 10);
        TrunkRoute route = new TrunkRoute(List.of(a, b));
        assertEquals("B", route.pick(System.nanoTime(), route.bit(a)).config.name());
        assertNull(route.pick(System.nanoTime(), route.bit(a) | route.bit(b)));
        b.up = false;
        a.up = false;
        assertNull(route.pick(System.nanoTime(), 0));
        assertEquals(TrunkProbeSettings.DEFAULTS.intervalMillis(), route.holdMillis(System.nanoTime()));
    }
}
