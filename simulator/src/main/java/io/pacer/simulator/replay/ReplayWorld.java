package io.pacer.simulator.replay;

import io.pacer.simulator.run.PolicyChoice;
import io.pacer.simulator.run.RunResult;
import io.pacer.simulator.run.Simulation;
import io.pacer.simulator.scenario.Scenario;
import io.pacer.simulator.scenario.ScenarioSpeed;
import io.pacer.simulator.world.ContactFate;

/**
 * The world of one scenario and seed, made ready to be played over SIP: the scenario compressed by the speed and
 * cut to the window ({@link ScenarioSpeed}), the simulator's figures for exactly that window, and a list of
 * contacts long enough for any dialler, each with a number and the fate the simulator draws for it
 * ({@link ContactFate}). Contact {@code k} of the list is contact {@code k} of the simulation: the same draws.
 */
public final class ReplayWorld {
    /** Numbers are {@code +4930} and seven digits from this one on: valid Berlin numbers, one time zone. */
    private static final long FIRST_SUBSCRIBER = 2_000_000;
    /** At most this many contacts (seven-digit subscriber numbers). */
    public static final int MAX_CONTACTS = 999_999;

    private final Scenario original;
    private final Scenario compressed;
    private final long seed;
    private final double speed;
    private final RunResult simulated;
    private final int contacts;

    private ReplayWorld(Scenario original, Scenario compressed, long seed, double speed, RunResult simulated,
            int contacts) {
        this.original = original;
        this.compressed = compressed;
        this.seed = seed;
        this.speed = speed;
        this.simulated = simulated;
        this.contacts = contacts;
    }

    /**
     * Compresses {@code scenario} by {@code speed}, cuts it to {@code windowNanos} of wall time, simulates that
     * window under predictive pacing (the live campaign's mode) and sizes the contact list: twice what the
     * simulation dialled, and a margin, since a live dialler may dial faster.
     */
    public static ReplayWorld of(Scenario scenario, long seed, double speed, long windowNanos) {
        Scenario fast = ScenarioSpeed.compressed(scenario, speed, windowNanos);
        RunResult simulated = new Simulation(fast, seed, PolicyChoice.PREDICTIVE).run();
        long wanted = simulated.dials() * 2 + 200;
        return new ReplayWorld(scenario, fast, seed, speed, simulated, (int) Math.min(MAX_CONTACTS, wanted));
    }

    /** The scenario as written. */
    public Scenario original() {
        return original;
    }

    /** The scenario as played: compressed and cut to the window. */
    public Scenario compressed() {
        return compressed;
    }

    /** The seed of the draws. */
    public long seed() {
        return seed;
    }

    /** How many times faster than the scenario the world plays. */
    public double speed() {
        return speed;
    }

    /** The simulator's figures for the compressed window (one run, predictive pacing). */
    public RunResult simulated() {
        return simulated;
    }

    /** Contacts in the list, numbered 1..contacts(). */
    public int contacts() {
        return contacts;
    }

    /** The E.164 number of contact {@code k} (1-based). */
    public static String number(long k) {
        return "+4930" + (FIRST_SUBSCRIBER + k);
    }

    /**
     * What contact {@code k} does when dialled. The answer probability may change during the shift; the contact is
     * taken to be dialled when the simulation reached it (dials spread evenly over the window), since a dialler
     * works down the list in order. With a constant answer probability the fate is exact whatever the order.
     */
    public ContactFate fate(long k) {
        long dials = Math.max(1, simulated.dials());
        long at = (long) Math.min(compressed.shiftNanos() - 1, (double) compressed.shiftNanos() * Math.max(0, k - 1) / dials);
        return ContactFate.draw(compressed, seed, k, at, compressed.noAnswerTimeoutNanos());
    }
}
