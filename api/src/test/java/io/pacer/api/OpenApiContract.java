package io.pacer.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Holds every response the API tests receive to {@code docs/openapi.json}, with Atlassian's OpenAPI validator:
 * status documented for the operation, media type, and body against the schema (types, formats, required and
 * nullable fields). {@link ApiHarness} calls it on each reply, so the document cannot drift from the server.
 */
public final class OpenApiContract {

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(document())
                    // allOf (Campaign, IssuedUser) is merged into one schema before validation, as OpenAPI means it.
                    .withResolveCombinators(true)
                    .build();

    private static final java.util.Set<String> UNDOCUMENTED_ROUTE =
            java.util.Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private OpenApiContract() {
    }

    /** The document the server serves (the same file as {@code docs/openapi.json}). */
    public static String document() {
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with every violation when a response does not match what the document says of its operation. */
    public static void check(String method, String pathWithQuery, int status, String contentType, String body) {
        check(method, pathWithQuery, status, contentType, body, java.util.Map.of());
    }

    /** The same, with the response's headers: those the document describes are checked against it too. */
    public static void check(String method, String pathWithQuery, int status, String contentType, String body,
            java.util.Map<String, java.util.List<String>> headers) {
        String path = pathWithQuery.split("\\?", 2)[0];
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-type")) {
                response.withHeader(name, values);
            }
        });
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build());
        if (report.getMessages().stream().allMatch(m -> UNDOCUMENTED_ROUTE.contains(m.getKey())) && report.hasErrors()) {
            // A path or method the API does not have: no operation to check against, but the answer must still be
            // a problem saying so.
            if ((status != 404 && status != 405) || contentType == null || !contentType.startsWith(Problem.MEDIA_TYPE)) {
                throw new AssertionError("an undocumented route must answer 404 or 405 with a problem: " + method + " " + path
                        + " -> " + status + " " + contentType);
            }
            return;
        }
        if (report.hasErrors()) {
            throw new AssertionError("response violates docs/openapi.json: " + method + " " + path + " -> " + status + "\n"
                    + report.getMessages().stream().map(OpenApiContract::describe)
                            .collect(Collectors.joining("\n")) + "\n  body: " + abbreviated(body));
        }
    }

    private static String describe(ValidationReport.Message m) {
        StringBuilder out = new StringBuilder("  " + m.getKey() + ": " + m.getMessage());
        for (ValidationReport.Message nested : m.getNestedMessages()) {
            out.append("\n  ").append(describe(nested));
        }
        return out.toString();
    }

    private static String abbreviated(String body) {
        return body == null || body.length() < 600 ? body : body.substring(0, 600) + "...";
    }
}
