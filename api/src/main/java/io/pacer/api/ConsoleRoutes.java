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
            "actions.js", "desktop.js", "charts.js", "lists.js", "campaigns.js");

    /**
     * The chart library's files, served under {@code /console/} by these names from its WebJar (uPlot, Maven
     * Central), so the page needs nothing from the internet and no build step.
     */
    static final Map<String, String> VENDOR = Map.of("uPlot.esm.js", "dist/uPlot.esm.js",
            "uPlot.min.css", "dist/uPlot.min.css");

    private ConsoleRoutes() {
    }

    static List<Route> routes() {
        Map<String, ApiResponse> files = new HashMap<>();
        for (String name : FILES) {
            files.put(name, ApiResponse.text(read("console/" + name), contentType(name)));
        }
        String uplot = "/META-INF/resources/webjars/uplot/" + webJarVersion("org.webjars.npm", "uplot") + "/";
        VENDOR.forEach((name, path) -> files.put(name, ApiResponse.text(read(uplot + path), contentType(name))));
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

    /** A WebJar's version, from its Maven metadata, so the pom alone says which version is served. */
    private static String webJarVersion(String group, String artifact) {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(
                "/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the WebJar " + group + ":" + artifact + " is missing from the classpath");
            }
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String name) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath (the api jar or uPlot's WebJar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
