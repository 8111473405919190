package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pacer.engine.call.CallOutcome;
import io.pacer.store.db.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StatsApiTest {

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void statsSnapshotStreamMetricsAndTheOpenApiDocumentAreServed(Supplier<Database> db) throws Exception {
        try (ApiHarness api = new ApiHarness(db)) {
            long id = api.campaign("");
            api.importCsv(id, "APPEND", "phone,name\n+4930111111,A\n+4930222222,B\n", "");
            api.post("/api/v1/campaigns/" + id + "/start", api.adminToken, "");
            api.finishCall(id, api.takeFromHopper(id), 1, CallOutcome.ABANDONED);
            api.finishCall(id, api.takeFromHopper(id), 1, CallOutcome.CONNECTED);

            JsonNode stats = api.get("/api/v1/campaigns/" + id + "/stats", api.adminToken).json();
            assertEquals(0.5, stats.get("abandonRateSoFar").asDouble());
            assertEquals(1, stats.get("contactsByState").get("AWAITING_OUTCOME").asLong());
            assertTrue(stats.get("live").isNull());

            HttpURLConnection sse = (HttpURLConnection) new URL("http://127.0.0.1:" + api.server.port()
                    + "/api/v1/campaigns/" + id + "/stats/stream?periodMillis=100").openConnection();
            sse.setRequestProperty("Authorization", "Bearer " + api.adminToken);
            assertEquals("text/event-stream", sse.getContentType());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(sse.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("event: stats", in.readLine());
                String data = in.readLine();
                assertTrue(data.startsWith("data: "));
                assertEquals(id, ApiHarness.JSON.readTree(data.substring(6)).get("campaignId").asLong());
            }
            sse.disconnect();

            ApiHarness.Reply metrics = api.get("/metrics", null);
            assertEquals(200, metrics.status());
            assertTrue(metrics.text().contains("pacer_journal_backlog"), metrics.text());

            ApiHarness.Reply openApi = api.get("/api/v1/openapi.json", null);
            assertEquals(200, openApi.status());
            JsonNode served = openApi.json();
            JsonNode committed = ApiHarness.JSON.readTree(Files.readString(Path.of("..", "docs", "openapi.json")));
            assertEquals(committed, served);
            for (Route route : api.server.routes()) {
                JsonNode path = served.get("paths").get(route.pattern());
                assertTrue(path != null && path.has(route.method().toLowerCase()),
                        "docs/openapi.json lacks " + route.method() + " " + route.pattern());
            }
        }
    }
}
