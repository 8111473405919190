package io.pacer.simulator.replay;

import io.pacer.simulator.world.ContactFate;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link ReplayWorld} as a folder that plays it over SIP against any dialler with nothing but SIPp:
 * the carrier's scenario and its fates file (keyed by the dialled number), the contact list, a Pacer
 * configuration, {@code run.sh} and a README that says how to run it and what a compressed run can show.
 */
public final class ReplayExport {
    /** The carrier's SIP port in the exported folder. */
    public static final int CARRIER_PORT = 5070;
    /** The dialler's SIP port the exported configuration and {@code run.sh} assume. */
    public static final int DIALER_PORT = 5060;
    /** The longest customers' audio file the export writes: 10 minutes, 6.9 MB (230 bytes a packet, 50 a second). */
    static final long MAX_AUDIO_MILLIS = 600_000;

    private ReplayExport() {
    }

    /** Writes the folder {@code dir} (created if need be; files of the same names are replaced). */
    public static void write(ReplayWorld world, Path dir) throws IOException {
        Files.createDirectories(dir);
        long longestTalk = writeFates(world, dir.resolve("fates.csv"));
        writeContacts(world, dir);
        Files.write(dir.resolve("tone.wav"), ToneWav.bytes(1_000));
        long audioMillis = audioMillis(longestTalk);
        Files.write(dir.resolve("customer.pcap"), TonePcap.bytes(audioMillis));
        int agents = (int) world.compressed().agents().max();
        List<String> schedule = AgentSchedule.lines(world.compressed().agents(),
                world.compressed().shiftNanos() / 1_000_000L);
        Map<String, String> values = Map.ofEntries(Map.entry("AUDIO_MS", Long.toString(audioMillis)),
                Map.entry("LOGINS", Integer.toString(schedule.size())),
                Map.entry("SCENARIO", world.original().name()),
                Map.entry("SEED", Long.toString(world.seed())),
                Map.entry("SPEED", fmt(world.speed())),
                Map.entry("WINDOW_SECONDS", Long.toString(world.compressed().shiftNanos() / 1_000_000_000L)),
                Map.entry("AGENTS", Integer.toString(agents)),
                Map.entry("CARRIER_PORT", Integer.toString(CARRIER_PORT)),
                Map.entry("DIALER_PORT", Integer.toString(DIALER_PORT)),
                Map.entry("CONTACTS", Integer.toString(world.contacts())));
        Files.writeString(dir.resolve("agents.csv"), "SEQUENTIAL\n# key;user;password;login_ms;logout_ms\n"
                + String.join("\n", schedule) + "\n", StandardCharsets.US_ASCII);
        copy("carrier.xml", dir, values);
        copy("agent.xml", dir, values);
        copy("agent-register.xml", dir, values);
        copy("README.md", dir, values);
        copy("run.sh", dir, values);
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("pacer.yaml"), PacerConfig.yaml(world, CARRIER_PORT, DIALER_PORT));
        Files.writeString(dir.resolve("simulated.json"), ReplayFigures.simulated(world).json("") + "\n");
    }

    /** Writes the fates file; returns the longest talk in it, in milliseconds. */
    private static long writeFates(ReplayWorld world, Path file) throws IOException {
        long longest = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            // SIPp reads this file by line number through its index on field 0; the mode word is required.
            w.write("SEQUENTIAL\n");
            w.write("# number;kind;delay_ms;talk_ms;early;wrap_ms  (pacer replay export: " + world.original().name()
                    + ", seed " + world.seed() + ", speed " + fmt(world.speed()) + ")\n");
            for (long k = 1; k <= world.contacts(); k++) {
                ContactFate f = world.fate(k);
                w.write(ReplayWorld.number(k).substring(1));
                w.write(';');
                w.write(kind(f.plan()));
                w.write(';');
                w.write(Long.toString(millis(f.delayNanos())));
                w.write(';');
                w.write(Long.toString(millis(f.talkNanos())));
                longest = f.plan() == ContactFate.ANSWER ? Math.max(longest, millis(f.talkNanos())) : longest;
                w.write(";0;");
                w.write(Long.toString(millis(f.wrapNanos())));
                w.write('\n');
            }
        }
        return longest;
    }

    /**
     * How long the customers' audio file plays: the longest talk plus a second, so one play covers almost every
     * call; capped at {@link #MAX_AUDIO_MILLIS} (0.7 MB a minute), after which the carrier starts it again. A
     * whole number of 20 ms packets, so that the carrier's pause between two plays is exactly one play.
     */
    static long audioMillis(long longestTalkMillis) {
        long millis = Math.min(MAX_AUDIO_MILLIS, Math.max(1_000, longestTalkMillis + 1_000));
        return (millis + 19) / 20 * 20;
    }

    private static void writeContacts(ReplayWorld world, Path dir) throws IOException {
        try (BufferedWriter csv = Files.newBufferedWriter(dir.resolve("contacts.csv"), StandardCharsets.US_ASCII);
                BufferedWriter txt = Files.newBufferedWriter(dir.resolve("contacts.txt"), StandardCharsets.US_ASCII)) {
            csv.write("phone,name\n");
            for (long k = 1; k <= world.contacts(); k++) {
                String n = ReplayWorld.number(k);
                csv.write(n + ",Contact " + k + "\n");
                txt.write(n + "\n");
            }
        }
    }

    /** The word the carrier's scenario branches on. */
    static String kind(byte plan) {
        return switch (plan) {
            case ContactFate.ANSWER -> "answer";
            case ContactFate.BUSY -> "busy";
            case ContactFate.FAIL -> "fail";
            default -> "noanswer";
        };
    }

    private static long millis(long nanos) {
        return Math.max(0, Math.round(nanos / 1e6));
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static void copy(String resource, Path dir, Map<String, String> values) throws IOException {
        String text;
        try (InputStream in = ReplayExport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("@" + e.getKey() + "@", e.getValue());
        }
        Files.writeString(dir.resolve(resource), text, StandardCharsets.UTF_8);
    }
}
