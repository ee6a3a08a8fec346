package dev.gatehouse.demo;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * fabric8's CRUD mock stores objects sent with {@code ?dryRun=All}; a real API server validates and
 * stores nothing. This answers dry runs the way the API server does, for the demo cluster and tests.
 */
public final class DryRuns {
    private DryRuns() {
    }

    /** The dry-run answer for this request, or empty when it is not a dry run. */
    public static Optional<MockResponse> answer(RecordedRequest request) {
        String m = request.getMethod() == null ? "" : request.getMethod().toUpperCase(Locale.ROOT);
        boolean write = m.equals("POST") || m.equals("PUT") || m.equals("PATCH") || m.equals("DELETE");
        if (!write || request.getPath() == null || !request.getPath().matches(".*[?&]dryRun=All(&.*)?$")) {
            return Optional.empty();
        }
        String body = request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
        if (m.equals("DELETE") || body.isBlank()) {
            return Optional.of(json(200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}"));
        }
        return Optional.of(json(m.equals("POST") ? 201 : 200, body));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }
}
