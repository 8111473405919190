package io.pacer.api;

import io.pacer.store.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's web app ({@code docs/console.md}): its few files, plain HTML, CSS and ES modules, read once from
 * the api jar at start and served without a token on the API's own port, {@code /} and {@code /console/{file}}.
 * Only the files named here exist: a request can never reach another resource of the jar.
 */
final class ConsoleRoutes {

    /** Every file of the console, under {@code io/pacer/api/console/} in the jar. */
    static final List<String> FILES = List.of("index.html", "console.css", "app.js", "stream.js", "floor.js",
            "actions.js", "desktop.js");

    private ConsoleRoutes() {
    }

    static List<Route> routes() {
        Map<String, ApiResponse> files = new HashMap<>();
        for (String name : FILES) {
            files.put(name, ApiResponse.text(read(name), contentType(name)));
        }
        return List.of(
            new Route("GET", "/", null, r -> files.get("index.html")),
            new Route("GET", "/console/{file}", null, r -> {
                ApiResponse file = files.get(r.pathParams().get("file"));
                if (file == null) {
                    throw new NotFoundException("file", r.pathParams().get("file"));
                }
                return file;
            })
        );
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        // Browsers run a module only when it is served as JavaScript.
        return name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
    }

    private static String read(String name) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console/" + name + " is missing from the api jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
