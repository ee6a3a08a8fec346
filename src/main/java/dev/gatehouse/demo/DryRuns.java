package dev.gatehouse.demo;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Server-side dry runs ({@code ?dryRun=All}) for fabric8's CRUD mock, which would otherwise store the
 * object: answered as a real API server answers after validation — with the object, nothing stored. Used
 * by the demo cluster and by tests' mock servers.
 */
public final class DryRuns {

    private static final String JSON = "application/json";

    private DryRuns() {
    }

    public static boolean isDryRun(RecordedRequest request) {
        String m = request.getMethod() == null ? "" : request.getMethod().toUpperCase(Locale.ROOT);
        return (m.equals("POST") || m.equals("PUT") || m.equals("PATCH") || m.equals("DELETE"))
                && request.getPath() != null && request.getPath().matches(".*[?&]dryRun=All(&.*)?$");
    }

    /** The answer to a dry run: the object as sent (201 for a create), or success for a delete. */
    public static MockResponse answer(RecordedRequest request) {
        String body = request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
        if ("DELETE".equalsIgnoreCase(request.getMethod()) || body.isBlank()) {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", JSON)
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
        }
        return new MockResponse().setResponseCode("POST".equalsIgnoreCase(request.getMethod()) ? 201 : 200)
                .setHeader("Content-Type", JSON).setBody(body);
    }
}
