package io.pacer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The API document passes Redocly's recommended lint ({@code docs/api.md}, "Contract"), run as part of
 * {@code mvn verify} so that the README's one test command covers it. Redocly's CLI comes from the npm registry
 * through {@code npx} (Node is part of the build machine), pinned to one version so a new rule cannot turn the
 * build red by itself. {@code --prefer-offline} lets npx use its cached copy of that exact version without asking
 * the registry first: a pinned version never changes, and the registry check alone cost over a minute on a build
 * machine without a route to it (npm retries the lookup before falling back to the cache). A machine with no
 * cached copy still downloads it.
 */
class OpenApiLintTest {

    @Test
    void theDocumentIsCleanUnderRedoclysRecommendedRules() throws Exception {
        Path doc = Path.of("..", "docs", "openapi.json").toAbsolutePath().normalize();
        Process lint = new ProcessBuilder("npx", "--prefer-offline", "--yes", "@redocly/cli@2.77.0", "lint", "--extends", "recommended",
                doc.toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!lint.waitFor(5, TimeUnit.MINUTES)) {
            lint.destroyForcibly();
        }
        assertEquals(0, lint.exitValue(), "redocly lint of docs/openapi.json:\n" + output);
    }
}
