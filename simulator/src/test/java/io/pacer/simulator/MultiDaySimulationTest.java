package io.pacer.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.campaign.Regime;
import io.pacer.simulator.run.MultiDaySimulation;
import org.junit.jupiter.api.Test;

/**
 * Consecutive days with a restart each morning and a live change each afternoon: the days together stay under
 * the regulator's cap. (Every single hourly window under Ofcom's 24 h does not yet: see docs/compliance.md.)
 */
class MultiDaySimulationTest {

    @Test
    void restartedAndRetunedDaysStayUnderTheCapTogether() {
        for (Regime regime : new Regime[] {Regime.OFCOM, Regime.FCC}) {
            for (long seed = 1; seed <= 2; seed++) {
                MultiDaySimulation.Result r = new MultiDaySimulation(SimulationTest.TEAM, seed, regime, 3).run();
                System.out.println(regime + " seed " + seed + ": " + r);
                assertTrue(r.answers() > 300, regime + " seed " + seed + ": " + r);
                assertTrue(r.windowsChecked() >= 5, regime + " seed " + seed + ": " + r);
                assertTrue((double) r.abandons() / r.answers() <= regime.abandonCap(), regime + " seed " + seed + ": " + r);
                assertTrue(r.occupancy() > 0.5, regime + " seed " + seed + ": " + r);
            }
        }
    }
}
