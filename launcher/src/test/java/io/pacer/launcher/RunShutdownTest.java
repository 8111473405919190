package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.core.SystemClock;
import io.pacer.pacing.DialMode;
import io.pacer.store.Storage;
import io.pacer.store.TestDatabases;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.RetryRule;
import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import java.io.File;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pacer run} in a child JVM, stopped with SIGTERM while its campaign's hopper is full: the shutdown hook
 * runs the orderly close, so every queued contact is READY again with no attempt, nothing stays DIALING, and
 * the campaign stays locked by the engine so that it resumes on the next start.
 */
class RunShutdownTest {

    private static final int CONTACTS = 200;
    private static final String ENGINE = "pacer-sigterm";
    private static final AtomicInteger SIP_PORT = new AtomicInteger(25_160);

    static Stream<Named<String[]>> databases() {
        return Stream.of(Named.of("sqlite", new String[] {TestDatabases.sqliteUrl(), null}),
                Named.of("postgresql", new String[] {TestDatabases.postgresqlUrl(), "postgres"}));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sigtermHandsTheHopperBackAndChargesNoAttempt(String[] db) throws Exception {
        long campaignId;
        try (Storage storage = Storage.open(db[0], db[1], null, ENGINE, SystemClock.INSTANCE)) {
            campaignId = storage.campaigns().create(new Campaign(0, "Sigterm", "", CampaignStatus.ENABLED, false, null,
                    "UTC", DialMode.PROGRESSIVE, 1, 0, 0.03, 15_000, 2_000, 20, List.of(), 10, 0, 1440,
                    Campaign.DEFAULT_SUBJECT, true, "DE", List.of(), Map.of(RetryClass.FAILURE, new RetryRule(900, 3)),
                    List.of(), List.of()), System.currentTimeMillis()).id();
            StringBuilder csv = new StringBuilder("phone\n");
            for (int i = 0; i < CONTACTS; i++) {
                csv.append("+4930").append(4_000_000 + i).append('\n');
            }
            storage.importer().importCsv(campaignId, new StringReader(csv.toString()), ',',
                    new ColumnMapping(List.of("phone"), null, List.of(), null), ImportMode.APPEND, "test", 0);
            // Locked by the engine, as after a run: pacer run resumes it at once and fills its hopper.
            assertTrue(storage.campaigns().lock(campaignId, ENGINE, System.currentTimeMillis()));
        }
        Path dir = Files.createTempDirectory("pacer-sigterm");
        Path config = dir.resolve("pacer.yaml");
        Files.writeString(config, "sip:\n  bindAddress: 127.0.0.1\n  port: " + SIP_PORT.getAndIncrement()
                + "\n  rtp: {portMin: 31000, portMax: 31100}\n"
                // A carrier nobody answers for; with no agent logged in, the core places no call anyway.
                + "  trunks:\n    - {name: carrier, address: \"127.0.0.1:25999\", campaigns: [" + campaignId + "]}\n"
                + "storage:\n  url: \"" + db[0] + "\"\n"
                + (db[1] == null ? "" : "  user: " + db[1] + "\n") + "  engineId: " + ENGINE
                + "\napi:\n  host: 127.0.0.1\n  port: 0\n  adminToken: 0123456789abcdef-token\n");
        Path out = dir.resolve("out.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process pacer = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(new File(out.toString())).start();
        try (Database check = Database.open(db[0], db[1], null)) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.readString(out).contains("pacer run: SIP on") || dialling(check) == 0) {
                assertTrue(pacer.isAlive(), "pacer run ended: " + Files.readString(out));
                assertTrue(System.currentTimeMillis() < deadline, "the hopper never filled: " + Files.readString(out));
                Thread.sleep(50);
            }
            pacer.destroy();
            assertTrue(pacer.waitFor(60, TimeUnit.SECONDS), "pacer run did not stop on SIGTERM");
            assertEquals(0, pacer.exitValue(), "an orderly stop exits 0: " + Files.readString(out));
            assertEquals(0, dialling(check), "the hopper was handed back: " + Files.readString(out));
            assertEquals(CONTACTS, count(check, "SELECT COUNT(*) FROM contacts WHERE state = 'READY' AND attempts = 0"));
            assertEquals(0, count(check, "SELECT COUNT(*) FROM activities"), "no attempt booked");
            assertEquals(ENGINE, check.read(c -> Jdbc.one(c, "SELECT lock_owner FROM campaigns WHERE id = ?",
                    rs -> rs.getString(1), campaignId)).orElseThrow(), "it resumes on the next start");
        } finally {
            pacer.destroyForcibly();
        }
    }

    private static long dialling(Database check) {
        return count(check, "SELECT COUNT(*) FROM contacts WHERE state = 'DIALING'");
    }

    private static long count(Database check, String sql) {
        return check.read(c -> Jdbc.number(c, sql));
    }
}
