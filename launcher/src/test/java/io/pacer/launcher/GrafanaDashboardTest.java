package io.pacer.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pacer.loopback.CarrierProfile;
import io.pacer.loopback.LongSampler;
import io.pacer.pacing.DialMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard shipped in {@code docs/grafana/} against a live Pacer's {@code /metrics}: every series
 * a panel queries, with every label value it selects, is one that Pacer exposes while a campaign runs over SIP.
 * A metric or label renamed in the code without the dashboard fails here, not on a site's wall screen.
 */
class GrafanaDashboardTest {

    private static final Pattern SELECTOR = Pattern.compile("(pacer_[a-z0-9_]+)(\\{([^}]*)})?");
    private static final Pattern MATCHER = Pattern.compile("\\s*([a-z_]+)\\s*(=~|!=|=)\\s*\"([^\"]*)\"\\s*");
    private static final Pattern SAMPLE = Pattern.compile("^(pacer_[a-z0-9_]+)(\\{([^}]*)})? (\\S+)$");

    @TempDir
    Path directory;

    /** One exposed sample: its metric name and labels. */
    private record Sample(String name, Map<String, String> labels) {
    }

    @Test
    void everySeriesThePanelsQueryIsExposedByARunningPacer() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(dashboardFile()));
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.get("expr").asText());
            }
        }
        assertTrue(expressions.size() >= 20, "the dashboard lost its panels: " + expressions.size() + " queries");
        assertEquals("label_values(pacer_dials, campaign)",
                dashboard.at("/templating/list/1/definition").asText(), "the campaign variable's query");

        CarrierProfile customers = new CarrierProfile(0.7, 0.2, LongSampler.uniform(50, 150), LongSampler.fixed(200));
        try (DemoFloor floor = DemoFloor.start(new DemoFloor.Settings(2, DialMode.PROGRESSIVE, customers,
                LongSampler.fixed(50), true, 500, 0), directory)) {
            awaitConnects(floor, 3);
            List<Sample> samples = samples(metrics(floor));
            assertFalse(samples.isEmpty());
            for (String expression : expressions) {
                Matcher selector = SELECTOR.matcher(expression.replace("$campaign", ".*"));
                int found = 0;
                while (selector.find()) {
                    found++;
                    String name = selector.group(1);
                    String labels = selector.group(3) == null ? "" : selector.group(3);
                    assertTrue(samples.stream().anyMatch(s -> s.name().equals(name) && matches(labels, s.labels())),
                            "no exposed sample matches " + selector.group() + " (in " + expression + ")");
                }
                assertTrue(found > 0, "a query names no Pacer metric: " + expression);
            }
        }
    }

    private static Path dashboardFile() {
        Path here = Path.of("").toAbsolutePath();
        Path file = here.resolve("docs/grafana/pacer-dashboard.json");
        return Files.exists(file) ? file : here.getParent().resolve("docs/grafana/pacer-dashboard.json");
    }

    private static boolean matches(String selector, Map<String, String> labels) {
        if (selector.isBlank()) {
            return true;
        }
        for (String part : selector.split(",")) {
            Matcher m = MATCHER.matcher(part);
            assertTrue(m.matches(), "a label matcher the test cannot read: " + part);
            String value = labels.get(m.group(1));
            boolean ok = switch (m.group(2)) {
                case "=" -> m.group(3).equals(value);
                case "!=" -> value != null && !m.group(3).equals(value);
                default -> value != null && value.matches(m.group(3));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static List<Sample> samples(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (m.group(3) != null && !m.group(3).isEmpty()) {
                for (String part : m.group(3).split(",(?=[a-z_]+=)")) {
                    int eq = part.indexOf('=');
                    labels.put(part.substring(0, eq), part.substring(eq + 2, part.length() - 1));
                }
            }
            samples.add(new Sample(m.group(1), labels));
        }
        return samples;
    }

    private static String metrics(DemoFloor floor) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(floor.consoleUrl() + "metrics"))
                .header("Authorization", "Bearer " + floor.supervisorToken()).GET().build();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        return reply.body();
    }

    private static void awaitConnects(DemoFloor floor, long connects) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            long now = floor.pacer().ring().query(core -> core.stats(DemoFloor.CAMPAIGN)).get(2, TimeUnit.SECONDS)
                    .connects();
            if (now >= connects) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the demo floor connected fewer than " + connects + " calls in 30 s");
    }
}
