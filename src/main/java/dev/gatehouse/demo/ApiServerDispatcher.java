package dev.gatehouse.demo;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What a real API server answers beyond CRUD, in front of fabric8's CRUD mock. The mock answers
 * {@code /api} and {@code /apis} with object lists, and kubectl then reports "the server doesn't
 * have a resource type". This dispatcher answers {@code /version}, {@code /healthz|livez|readyz},
 * {@code /api}, {@code /apis}, {@code /apis/GROUP} and each group version's resource list (any
 * query string, e.g. kubectl's {@code ?timeout=32s}, is ignored); everything else goes to the CRUD
 * dispatcher, whose answers are turned into {@link KubectlTables tables} when kubectl asks.
 *
 * <p>kubectl 1.26+ first asks for aggregated discovery ({@code Accept: …;as=APIGroupDiscoveryList});
 * an answer with plain {@code Content-Type: application/json} makes it fall back to these legacy
 * documents, which every kubectl version understands.
 */
final class ApiServerDispatcher extends Dispatcher {

    private static final String JSON = "application/json";

    private final Dispatcher crud;
    private final WatchListenerRegistry watches;
    /** Where watches' close handling runs, off the server's event loop ({@link WatchCloseOffLoop}). */
    private final ExecutorService watchClosers = Executors.newCachedThreadPool(WatchCloseOffLoop::closerThread);
    private final Map<String, String> documents;
    private final Map<String, String> groups;
    private final String version;
    private final KubectlTables tables;
    private final Runnable afterEachRequest;
    private final PortForwardBridge forwards;

    /**
     * @param crud      what answers everything else
     * @param documents discovery documents as JSON, keyed by path ({@code /api/v1}, …)
     * @param groups    each API group's {@code APIGroup} JSON, keyed by group name
     * @param version   the {@code /version} JSON
     * @param tables    server-side printing for kubectl
     * @param afterEachRequest run once per request (the request is already recorded by then)
     * @param forwards  answers {@code pods/portforward} for the Pods it exposes
     */
    ApiServerDispatcher(Dispatcher crud, Map<String, String> documents, Map<String, String> groups, String version,
                        KubectlTables tables, Runnable afterEachRequest, PortForwardBridge forwards) {
        this.forwards = forwards;
        this.tables = tables;
        this.afterEachRequest = afterEachRequest;
        this.crud = crud;
        this.watches = WatchListenerRegistry.of(crud);
        this.documents = Map.copyOf(documents);
        this.groups = Map.copyOf(groups);
        this.version = version;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            return answer(request);
        } finally {
            afterEachRequest.run();
        }
    }

    private MockResponse answer(RecordedRequest request) {
        if ("GET".equalsIgnoreCase(request.getMethod())) {
            Optional<MockResponse> discovery = discovery(path(request.getPath()));
            if (discovery.isPresent()) {
                return discovery.get();
            }
        }
        Optional<MockResponse> forward = forwards.answer(request);
        if (forward.isPresent()) {
            return forward.get();
        }
        Optional<MockResponse> dryRun = DryRuns.answer(request);
        if (dryRun.isPresent()) {
            return dryRun.get();
        }
        MockResponse response = crud.dispatch(request);
        if (response.getWebSocketListener() != null) {
            return response.withWebSocketUpgrade(new WatchCloseOffLoop(response.getWebSocketListener(), watchClosers,
                    watches));
        }
        if (response.code() == 204) {
            return response;
        }
        if (response.code() == 200 && "GET".equalsIgnoreCase(request.getMethod())
                && KubectlTables.wanted(request.getHeader("Accept")) && !request.getPath().contains("watch=")
                && response.getBody() != null) {
            Optional<String> table = tables.toTable(new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
            if (table.isPresent()) {
                return json(table.get());
            }
        }
        if (response.header("Content-Type") == null) {
            response.setHeader("Content-Type", JSON);
        }
        return response;
    }

    private Optional<MockResponse> discovery(String path) {
        switch (path) {
            case "/version":
                return Optional.of(json(version));
            case "/healthz", "/livez", "/readyz":
                return Optional.of(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
                        .setBody("ok"));
            default:
                break;
        }
        String document = documents.get(path);
        if (document != null) {
            return Optional.of(json(document));
        }
        if (path.startsWith("/apis/") && path.indexOf('/', "/apis/".length()) < 0) {
            return Optional.ofNullable(groups.get(path.substring("/apis/".length()))).map(ApiServerDispatcher::json);
        }
        return Optional.empty();
    }

    private static String path(String requestPath) {
        String path = requestPath == null ? "/" : requestPath;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static MockResponse json(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", JSON).setBody(body);
    }

    @Override
    public void shutdown() {
        watchClosers.shutdown();
        forwards.close();
        crud.shutdown();
    }

    /** Splits the {@code /apis} group list into one {@code APIGroup} document per group. */
    static Map<String, Map<String, Object>> groupsOf(Map<?, ?> apiGroupList) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        Object list = apiGroupList.get("groups");
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> group && group.get("name") != null) {
                    Map<String, Object> document = new LinkedHashMap<>();
                    document.put("kind", "APIGroup");
                    document.put("apiVersion", "v1");
                    group.forEach((k, v) -> document.put(String.valueOf(k), v));
                    result.put(String.valueOf(group.get("name")), document);
                }
            }
        }
        return result;
    }
}
