package io.pacer.benchmarks.console;

import io.pacer.launcher.DemoFloor;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.pacing.DialMode;
import io.pacer.store.user.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console under a big floor, in a real headless Chromium: a live Pacer (core, SIP adapter, storage, API) with
 * {@code agents} virtual SIP agents taking real calls from the loopback carrier and {@code campaigns} campaigns on
 * the floor, watched by one browser for {@code minutes}. Measured through the Chrome DevTools Protocol, from
 * outside the page (the console carries no benchmark code): the main thread's busy time in each second (the
 * second's update: parsing the snapshot, rendering the tiles and the agent grid, style, layout and the charts),
 * tasks over 50 ms (the Long Tasks API), and the page's JavaScript heap and DOM nodes after a forced garbage
 * collection every 30 s. Prints the figures and writes them to {@code out}.
 */
public final class ConsoleBenchmark {

    private ConsoleBenchmark() {
    }

    /** {@code ConsoleBenchmark AGENTS CAMPAIGNS MINUTES OUT.md}. */
    public static void main(String[] args) throws Exception {
        int agents = Integer.parseInt(args[0]);
        int campaigns = Integer.parseInt(args[1]);
        double minutes = Double.parseDouble(args[2]);
        Path out = Path.of(args[3]);
        Path directory = Files.createTempDirectory("pacer-console-bench");
        // Calls of 20-60 s and 5 s of wrap-up: every second some agents change state, as on a real floor.
        CarrierProfile customers = new CarrierProfile(0.6, 0.2, LongSampler.uniform(2_000, 8_000),
                LongSampler.uniform(20_000, 60_000));
        System.out.printf("console benchmark: %d agents, %d campaigns, %.1f minutes%n", agents, campaigns, minutes);
        try (DemoFloor floor = DemoFloor.start(new DemoFloor.Settings(agents, DialMode.PREDICTIVE, customers,
                LongSampler.fixed(5_000), true, 200_000, 0), directory)) {
            addCampaigns(floor, campaigns - 1);
            ChromeDriver browser = Chromium.start();
            try {
                Measurement m = watch(floor, browser, minutes);
                String report = m.report(agents, campaigns, minutes);
                System.out.println(report);
                Files.writeString(out, report);
                System.out.println("written: " + out);
            } finally {
                browser.quit();
            }
        }
    }

    /** More open campaigns for the floor's tiles, each with a small list, started (they dial when agents join). */
    private static void addCampaigns(DemoFloor floor, int count) throws Exception {
        String admin = "bench-admin-" + System.nanoTime();
        floor.pacer().storage().users().create("bench-admin", Role.ADMIN, admin);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + floor.pacer().api().port() + "/api/v1/campaigns";
        for (int i = 0; i < count; i++) {
            String body = "{\"name\":\"Bench " + (i + 2) + "\",\"dialMode\":\"PROGRESSIVE\",\"defaultRegion\":\"DE\"}";
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("campaign not created: " + created.body());
            }
            long id = Long.parseLong(created.body().replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
            http.send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/start"))
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        if (floor.pacer().storage().campaigns().list().stream().filter(c -> !c.done()).count() < count + 1) {
            throw new IllegalStateException("the floor does not have " + (count + 1) + " open campaigns");
        }
    }

    private static Measurement watch(DemoFloor floor, ChromeDriver browser, double minutes) throws Exception {
        browser.get(floor.supervisorUrl());
        browser.executeCdpCommand("Performance.enable", Map.of("timeDomain", "timeTicks"));
        browser.executeCdpCommand("HeapProfiler.enable", Map.of());
        ((JavascriptExecutor) browser).executeScript("window.__longTasks = [];"
                + "new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); })"
                + ".observe({type: 'longtask', buffered: true});");
        Measurement m = new Measurement();
        // A minute to fill the floor (phones register, calls start, every tile and row exists) before measuring.
        long warmUpEnd = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < warmUpEnd) {
            Thread.sleep(1_000);
        }
        // The supervisor watches the agent grid, below the twenty tiles: the rows in view are written every second
        // (the page writes only rows near the viewport), so this is the grid's costly position, not the page's top.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('agents').scrollIntoView();");
        ((JavascriptExecutor) browser).executeScript("window.__longTasks.length = 0;");
        long start = System.currentTimeMillis();
        long end = start + (long) (minutes * 60_000);
        double lastBusy = metric(browser, "TaskDuration");
        long lastAt = System.nanoTime();
        long nextHeap = start;
        while (System.currentTimeMillis() < end) {
            Thread.sleep(1_000);
            double busy = metric(browser, "TaskDuration");
            long at = System.nanoTime();
            // Busy milliseconds per wall second: a slow DevTools answer must not fold two seconds into one.
            m.secondBusyMillis.add((busy - lastBusy) * 1_000 / ((at - lastAt) / 1e9));
            lastBusy = busy;
            lastAt = at;
            if (System.currentTimeMillis() >= nextHeap) {
                browser.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
                lastBusy = metric(browser, "TaskDuration");   // the forced collection is ours, not the page's
                lastAt = System.nanoTime();
                m.heap.add(new double[] {(System.currentTimeMillis() - start) / 60_000.0,
                        metric(browser, "JSHeapUsedSize") / 1e6, metric(browser, "Nodes")});
                nextHeap += 30_000;
            }
        }
        Object longTasks = ((JavascriptExecutor) browser).executeScript("return window.__longTasks;");
        for (Object t : (List<?>) longTasks) {
            m.longTasks.add(((Number) t).doubleValue());
        }
        m.agentRows = ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.querySelectorAll('#agents tbody tr').length;")).intValue();
        m.tiles = ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.querySelectorAll('#campaigns .tile').length;")).intValue();
        return m;
    }

    @SuppressWarnings("unchecked")
    private static double metric(ChromeDriver browser, String name) {
        Map<String, Object> reply = browser.executeCdpCommand("Performance.getMetrics", Map.of());
        for (Map<String, Object> m : (List<Map<String, Object>>) reply.get("metrics")) {
            if (name.equals(m.get("name"))) {
                return ((Number) m.get("value")).doubleValue();
            }
        }
        throw new IllegalStateException("Chromium reports no metric " + name);
    }

    /** What one run saw. */
    private static final class Measurement {
        final List<Double> secondBusyMillis = new ArrayList<>();
        final List<Double> longTasks = new ArrayList<>();
        final List<double[]> heap = new ArrayList<>();
        int agentRows;
        int tiles;

        String report(int agents, int campaigns, double minutes) {
            List<Double> busy = new ArrayList<>(secondBusyMillis);
            busy.sort(null);
            double[] first = heap.get(0);
            double[] last = heap.get(heap.size() - 1);
            StringBuilder s = new StringBuilder();
            s.append("# Console benchmark\n\n");
            s.append(String.format(Locale.ROOT, "`benchmarks/console.sh %d %d %s`: a live Pacer (core, SIP adapter, "
                    + "storage, API) with %d virtual SIP agents taking calls from the loopback carrier and %d open "
                    + "campaigns, watched by one headless Chromium for %s minutes after a minute's warm-up. Measured "
                    + "from outside the page through the DevTools protocol.%n%n", agents, campaigns, fmt(minutes),
                    agents, campaigns, fmt(minutes)));
            s.append(String.format(Locale.ROOT, "The page showed %d campaign tiles (each with its four shift "
                    + "charts) and %d agent rows, scrolled to the agent grid: only the rows near the viewport are "
                    + "written each second, and tiles off screen are not rendered (their charts are drawn when "
                    + "scrolled to).%n%n", tiles, agentRows));
            s.append("| figure | value |\n|---|---|\n");
            s.append(String.format(Locale.ROOT, "| main-thread busy time per wall-clock second (one update each "
                    + "second): p50 / p99 / max | %.1f / %.1f / %.1f ms |%n", pct(busy, 0.5), pct(busy, 0.99),
                    busy.get(busy.size() - 1)));
            s.append(String.format(Locale.ROOT, "| seconds measured | %d |%n", busy.size()));
            s.append(String.format(Locale.ROOT, "| tasks over 50 ms (Long Tasks API) | %d%s |%n", longTasks.size(),
                    longTasks.isEmpty() ? "" : String.format(Locale.ROOT, " (longest %.0f ms)",
                            longTasks.stream().mapToDouble(d -> d).max().orElse(0))));
            s.append(String.format(Locale.ROOT, "| JS heap after a forced GC: first → last sample | %.2f → %.2f MB "
                    + "(slope %.3f MB/min) |%n", first[1], last[1], slope(1)));
            s.append(String.format(Locale.ROOT, "| DOM nodes: first → last sample | %.0f → %.0f |%n", first[2],
                    last[2]));
            s.append("\nHeap samples (minute, MB, DOM nodes): ");
            for (double[] h : heap) {
                s.append(String.format(Locale.ROOT, "(%.1f, %.2f, %.0f) ", h[0], h[1], h[2]));
            }
            s.append("\n\nThe busy time is every task on the page's main thread in that second: reading the "
                    + "snapshot from the stream, updating the tiles and the agent grid, style, layout and paint "
                    + "preparation, and the charts' refresh (every 15 s per tile). Pacer, its 500 SIP phones, the "
                    + "carrier and Chromium share the machine's cores, so the figures are an upper bound.\n");
            return s.toString();
        }

        private double slope(int column) {
            double n = heap.size();
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (double[] h : heap) {
                sx += h[0];
                sy += h[column];
                sxx += h[0] * h[0];
                sxy += h[0] * h[column];
            }
            double d = n * sxx - sx * sx;
            return d == 0 ? 0 : (n * sxy - sx * sy) / d;
        }

        private static double pct(List<Double> sorted, double p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }

        private static String fmt(double minutes) {
            return minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes);
        }
    }
}
