package io.pacer.simulator.replay;

import io.pacer.simulator.scenario.Steps;
import java.util.ArrayList;
import java.util.List;

/**
 * When each agent of a replay is logged in, from the scenario's staffing steps, as the simulator staffs them:
 * a step up logs in the lowest-numbered agents who are out, a step down logs out the highest-numbered ones (the
 * simulator lets idle agents go first; a replayed phone leaves at its time once it is between calls). One line
 * per stretch an agent is in: {@code key;user;password;login_ms;logout_ms}, the key naming the stretch.
 */
final class AgentSchedule {
    private AgentSchedule() {
    }

    /** The lines of {@code agents.csv} for staffing {@code agents} over a window of {@code windowMillis}. */
    static List<String> lines(Steps agents, long windowMillis) {
        int max = (int) agents.max();
        List<String> out = new ArrayList<>();
        for (int a = 0; a < max; a++) {
            int stretch = 0;
            long in = -1;
            for (int i = 0; i < agents.size(); i++) {
                long at = agents.atNanos(i) / 1_000_000L;
                boolean present = a < agents.value(i);
                if (present && in < 0) {
                    in = at;
                } else if (!present && in >= 0) {
                    out.add(line(a, ++stretch, in, at));
                    in = -1;
                }
            }
            if (in >= 0) {
                // Present at the end of the window: the logout falls after it, so the phone stays to the end.
                out.add(line(a, ++stretch, in, windowMillis + 3_600_000L));
            }
        }
        return out;
    }

    private static String line(int agent, int stretch, long loginMillis, long logoutMillis) {
        return "agent" + agent + "-" + stretch + ";" + PacerConfig.agentUser(agent) + ";"
                + PacerConfig.agentPassword(agent) + ";" + loginMillis + ";" + logoutMillis;
    }
}
