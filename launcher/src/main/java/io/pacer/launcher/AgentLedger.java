package io.pacer.launcher;

import io.pacer.loopback.AgentScript;
import java.util.Map;
import java.util.Random;

/**
 * The live agents' time, measured from their phones as the simulator measures its agents: logged in, talking,
 * wrapping up, waiting (between saying ready, or logging in, and the next customer), over a window that
 * {@link #begin} opens and {@link #end} closes. Wrap-ups are the ones the world drew for each customer's number.
 * A customer connected to an agent that is not waiting is a broken invariant (an agent in two calls, or a bridge to
 * a busy agent) and is counted. The phones' threads call in; the methods are synchronized (this is the test world,
 * not the engine).
 */
final class AgentLedger implements AgentScript {
    private static final byte OFF = 0;
    private static final byte IDLE = 1;
    private static final byte TALK = 2;
    private static final byte WRAP = 3;

    private final Map<String, Long> wrapMillisByNumber;
    private final byte[] state;
    private final long[] since;
    private final String[] customer;
    private boolean open;
    private boolean closed;
    private long beganNanos;
    private long endedNanos;
    private double loggedIn;
    private double talk;
    private double wrap;
    private double wait;
    private long waitIntervals;
    private long connects;
    private long violations;
    private String firstViolation;

    /** @param wrapMillisByNumber each number's drawn wrap-up, keyed by its digits */
    AgentLedger(int agents, Map<String, Long> wrapMillisByNumber) {
        this.wrapMillisByNumber = wrapMillisByNumber;
        this.state = new byte[agents];
        this.since = new long[agents];
        this.customer = new String[agents];
    }

    @Override
    public long wrapMillis(int agent, String number, Random random) {
        Long w = number == null ? null : wrapMillisByNumber.get(number.replaceAll("[^0-9]", ""));
        return w == null ? 0 : w;
    }

    @Override
    public synchronized void loggedIn(int agent) {
        move(agent, IDLE);
    }

    @Override
    public synchronized void connected(int agent, String number) {
        if (state[agent] == TALK && number != null && number.equals(customer[agent])) {
            // The same notice again: a MESSAGE retransmitted because our 200 OK came late (a loaded machine).
            return;
        }
        customer[agent] = number;
        if (state[agent] != IDLE) {
            violation("agent " + agent + " connected to " + number + " while " + (state[agent] == TALK ? "talking"
                    : state[agent] == WRAP ? "wrapping up" : "logged out"));
        }
        if (inWindow()) {
            connects++;
        }
        move(agent, TALK);
    }

    @Override
    public synchronized void ended(int agent) {
        if (state[agent] == WRAP) {
            return;
        }
        move(agent, WRAP);
    }

    @Override
    public synchronized void ready(int agent) {
        move(agent, IDLE);
    }

    /** Agents logged in now. */
    synchronized int loggedIn() {
        int n = 0;
        for (byte s : state) {
            n += s == OFF ? 0 : 1;
        }
        return n;
    }

    /** Opens the window: time counts from now. */
    synchronized void begin() {
        beganNanos = System.nanoTime();
        for (int a = 0; a < state.length; a++) {
            since[a] = beganNanos;
        }
        open = true;
    }

    /** Closes the window: time in progress counts up to now, as the simulator closes its shift. */
    synchronized void end() {
        endedNanos = System.nanoTime();
        for (int a = 0; a < state.length; a++) {
            account(a, endedNanos);
            if (state[a] == IDLE) {
                waitIntervals++;
            }
        }
        closed = true;
    }

    private boolean inWindow() {
        return open && !closed;
    }

    private void move(int agent, byte to) {
        long now = System.nanoTime();
        if (state[agent] == IDLE && to == TALK && inWindow()) {
            waitIntervals++;
        }
        account(agent, now);
        state[agent] = to;
        since[agent] = now;
    }

    private void account(int agent, long now) {
        if (!inWindow()) {
            return;
        }
        double d = now - Math.max(since[agent], beganNanos);
        if (d <= 0 || state[agent] == OFF) {
            return;
        }
        loggedIn += d;
        switch (state[agent]) {
            case TALK -> talk += d;
            case WRAP -> wrap += d;
            default -> wait += d;
        }
    }

    /** Counts a broken invariant seen by the world. */
    synchronized void violation(String what) {
        violations++;
        if (firstViolation == null) {
            firstViolation = what;
        }
    }

    synchronized double occupancy() {
        return loggedIn == 0 ? 0 : (talk + wrap) / loggedIn;
    }

    synchronized double utilization() {
        return loggedIn == 0 ? 0 : talk / loggedIn;
    }

    synchronized double agentWaitMeanSeconds() {
        return waitIntervals == 0 ? 0 : wait / waitIntervals / 1e9;
    }

    synchronized double connectsPerAgentHour() {
        return loggedIn == 0 ? 0 : connects / (loggedIn / 3.6e12);
    }

    synchronized long connects() {
        return connects;
    }

    synchronized long violations() {
        return violations;
    }

    synchronized String firstViolation() {
        return firstViolation;
    }

    synchronized double windowSeconds() {
        return ((closed ? endedNanos : System.nanoTime()) - beganNanos) / 1e9;
    }
}
