package io.pacer.benchmarks.sip;

import java.nio.file.Path;
import java.util.List;

/**
 * The harness ceiling: SIPp UAC straight to SIPp UAS (built-in scenarios), raising the rate until a step
 * has failed calls. Whatever Pacer reaches is judged against this, since both ends share the machine.
 */
final class HarnessCeiling {

    record Step(int rate, long successful, long failed) {
    }

    static List<Step> run(Path logs, int[] rates, int seconds) throws Exception {
        List<Step> steps = new java.util.ArrayList<>();
        for (int rate : rates) {
            int uasPort = SippProcess.freePort();
            // Both get the 4 MB socket buffer the carrier gets in Pacer's runs (EngineSignalling): with SIPp's
            // default, a burst overflows its receive queue, a message is lost and the call times out, which
            // measures the kernel's default buffer and not SIPp.
            String buffer = String.valueOf(4 << 20);
            try (SippProcess uas = new SippProcess(logs, "ceiling-uas-" + rate, List.of("-sn", "uas", "-i", "127.0.0.1",
                    "-p", String.valueOf(uasPort), "-nostdin", "-timeout", (seconds + 30) + "s", "-buff_size", buffer));
                 SippProcess uac = new SippProcess(logs, "ceiling-uac-" + rate, List.of("127.0.0.1:" + uasPort, "-sn", "uac",
                         "-i", "127.0.0.1", "-p", String.valueOf(SippProcess.freePort()), "-r", String.valueOf(rate),
                         "-rate_increase", "0", "-m", String.valueOf(rate * seconds), "-l", String.valueOf(rate * 5),
                         "-nostdin", "-timeout", (seconds + 20) + "s", "-recv_timeout", "5000", "-buff_size", buffer))) {
                Thread.sleep(300);
                uac.waitFor(seconds + 30);
                Step s = new Step(rate, uac.count("Successful call"), uac.count("Failed call"));
                steps.add(s);
                System.out.printf("ceiling: %d cps -> %d ok, %d failed%n", rate, s.successful(), s.failed());
                if (s.failed() != 0 || s.successful() < (long) rate * seconds) {
                    break;
                }
            }
        }
        return steps;
    }
}
