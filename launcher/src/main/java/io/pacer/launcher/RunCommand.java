package io.pacer.launcher;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.engine.core.StartupHeap;
import io.pacer.engine.port.CallJournal;
import io.pacer.pacing.DialMode;
import io.pacer.sip.stack.SipConfig;
import io.pacer.sip.stack.SipConfigLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code pacer run --config FILE}: the live dialer on real SIP. Reads the {@code sip:} section (trunks,
 * agents, relay; see {@code docs/operations.md}, section "SIP") and a {@code campaigns:} section whose
 * contacts come from a text file of numbers, one per line; runs until the process is stopped.
 */
public final class RunCommand {

    private RunCommand() {
    }

    /** Runs Pacer until SIGTERM/SIGINT; returns the exit code (0 ok, 1 failure, 2 bad usage or config). */
    public static int run(String[] args) {
        if (args.length != 2 || !"--config".equals(args[0])) {
            System.err.println("usage: pacer run --config FILE");
            return 2;
        }
        Path file = Path.of(args[1]);
        SipConfig sip;
        List<CampaignConfig> campaigns = new ArrayList<>();
        FileContacts contacts = new FileContacts();
        try {
            sip = SipConfigLoader.load(file);
            Map<?, ?> root;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                root = (Map<?, ?>) new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            }
            if (root.containsKey("storage")) {
                return runServer(root, sip);
            }
            Object list = root.get("campaigns");
            for (Object o : list instanceof List<?> l ? l : List.of()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) o;
                int id = ((Number) c.get("id")).intValue();
                DialMode mode = DialMode.valueOf(String.valueOf(c.getOrDefault("mode", "PREDICTIVE")).toUpperCase());
                Object callerId = c.get("callerId");
                campaigns.add(new CampaignConfig(id, String.valueOf(c.get("name")), mode,
                        ((Number) c.getOrDefault("callsPerReadyAgent", 1.0)).doubleValue(), 0.0,
                        ((Number) c.getOrDefault("abandonTarget", 0.03)).doubleValue(),
                        ((Number) c.getOrDefault("ringTimeoutMillis", 25_000)).longValue(),
                        ((Number) c.getOrDefault("connectLimitMillis", 2_000)).longValue(),
                        ((Number) c.getOrDefault("maxChannels", 100)).intValue(),
                        callerId == null ? null : String.valueOf(callerId)));
                Path numbers = file.resolveSibling(String.valueOf(c.get("contacts")));
                contacts.load(id, numbers);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("pacer run: " + file + ": " + e.getMessage());
            return 2;
        }
        Pacer.Builder builder = Pacer.builder().sip(sip).contacts(contacts, CallJournal.NONE);
        campaigns.forEach(builder::campaign);
        try (Pacer pacer = builder.start()) {
            StartupHeap.settle();
            System.out.printf("pacer run: SIP on %s:%d, %d trunk(s), %d agent(s), %d campaign(s)%n",
                    sip.bindAddress(), pacer.sip().sipPort(), sip.trunks().size(), sip.agents().size(),
                    campaigns.size());
            awaitStop(pacer);
            return 0;
        } catch (Exception e) {
            System.err.println("pacer run: " + e);
            return 1;
        }
    }

    /** With a storage section: the whole server (database, hopper and journal, HTTP API). */
    private static int runServer(Map<?, ?> root, SipConfig sip) {
        ServerSettings s;
        try {
            s = ServerSettings.from(root);
        } catch (RuntimeException e) {
            System.err.println("pacer run: " + e.getMessage());
            return 2;
        }
        try (Pacer pacer = Pacer.builder().sip(sip).store(s.store()).leases(s.leases()).api(s.api())
                .start()) {
            StartupHeap.settle();
            System.out.printf("pacer run: SIP on %s:%d, API on http://%s:%d/api/v1, database %s%n",
                    sip.bindAddress(), pacer.sip().sipPort(), s.apiHost(), pacer.api().port(), s.url());
            awaitStop(pacer);
            return 0;
        } catch (Exception e) {
            System.err.println("pacer run: " + e);
            return 1;
        }
    }

    /**
     * Waits for SIGTERM/SIGINT. The JVM halts as soon as its shutdown hooks return, whatever other threads are
     * doing, so the hook itself runs the orderly close (API, SIP, core, then storage handing the hopper back and
     * writing the journal) and the JVM exits only once it is done, with status 0: a stop asked for and carried
     * out in order is a success for the service manager (the JVM's own status after a signal would be 143).
     */
    private static void awaitStop(Pacer pacer) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pacer.close();
            closed.countDown();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(0);
        }, "pacer-stop"));
        closed.await();
    }
}
