package dev.gatehouse.routing;

import dev.gatehouse.routing.route.Carriage;
import dev.gatehouse.routing.route.Upstream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The request path as nginx (and so ingress-nginx) matches it against its locations: nginx decodes every
 * {@code %XX} (a decoded {@code /} or {@code .} counts like a literal one), merges repeated slashes
 * ({@code merge_slashes} is on), drops {@code .} segments and resolves {@code ..}; a {@code ..} above the
 * root, a broken escape, an encoded NUL or a literal control character (nginx 1.21.1 and later) is a 400.
 * A literal {@code #} ends the path. The query is not
 * touched. Checked against nginx 1.22 ({@code RequestPathTest}).
 *
 * <p>The one implementation: the local proxy refuses a request with it, and {@link RoutingSnapshot#explain}
 * matches the normalised path (and says so in the trace) for the CLI, the window and the proxy alike.
 */
public final class NginxPath {

    /** The normalised, decoded path ({@code problem} empty), or why the request is refused (path empty). */
    public record Normalised(String path, String problem) {
        public boolean valid() {
            return problem.isEmpty();
        }
    }

    private NginxPath() {
    }

    /**
     * @param raw the path of the request target as received (from the first {@code /}, without the query)
     */
    public static Normalised normalise(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) { // anywhere in the request line, also after a '#' (fuzzing found that)
                return refused(String.format("the path contains the control character 0x%02x", (int) c));
            }
        }
        int end = raw.indexOf('#');
        String path = end < 0 ? raw : raw.substring(0, end);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                int high = i + 1 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
                int low = i + 2 < path.length() ? Character.digit(path.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    String escape = path.substring(i, Math.min(i + 3, path.length()));
                    return refused("the path has a broken percent-escape \"" + escape + "\"");
                }
                int b = high * 16 + low;
                if (b == 0) {
                    return refused("the path contains an encoded NUL byte (%00)");
                }
                decoded.write(b);
                i += 2;
            } else if (c <= 0xff) {
                decoded.write(c); // the request line arrives as bytes, one char each
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                decoded.write(utf8, 0, utf8.length);
            }
        }
        return resolve(decoded.toString(StandardCharsets.UTF_8), raw);
    }

    /** Merges slashes, drops {@code .}, resolves {@code ..}; a trailing {@code /}, {@code .} or {@code ..} leaves a trailing slash. */
    private static Normalised resolve(String decoded, String raw) {
        List<String> segments = new ArrayList<>();
        boolean trailingSlash = false;
        int i = 0;
        while (i <= decoded.length()) {
            int slash = decoded.indexOf('/', i);
            int next = slash < 0 ? decoded.length() : slash;
            String segment = decoded.substring(i, next);
            boolean last = slash < 0;
            switch (segment) {
                case "" -> trailingSlash = last;
                case "." -> trailingSlash = last;
                case ".." -> {
                    if (segments.isEmpty()) {
                        return refused("the path \"" + raw + "\" goes above the root");
                    }
                    segments.remove(segments.size() - 1);
                    trailingSlash = last;
                }
                default -> {
                    segments.add(segment);
                    trailingSlash = false;
                }
            }
            i = next + 1;
        }
        StringBuilder b = new StringBuilder(decoded.length() + 1);
        for (String s : segments) {
            b.append('/').append(s);
        }
        if (b.length() == 0 || trailingSlash) {
            b.append('/');
        }
        return new Normalised(b.toString(), "");
    }

    private static Normalised refused(String problem) {
        return new Normalised("", problem);
    }

    /**
     * Explains {@code request} with its path normalised first: a path nginx would refuse is a 400 before any
     * rule is looked at; a path that changes is explained as the normalised path, with a note saying so.
     */
    static Explanation explain(ProbeRequest request, Function<ProbeRequest, Explanation> explainer) {
        Normalised n = normalise(request.path());
        if (!n.valid()) {
            return refused(request, n.problem(), explainer);
        }
        if (n.path().equals(request.path())) {
            return explainer.apply(request);
        }
        ProbeRequest normalised = new ProbeRequest(request.method(), request.scheme(), request.host(), request.port(),
                n.path(), request.query(), request.sni(), request.clientCertificate(), request.headers());
        return explainer.apply(normalised).withFirstStep(new TraceStep(TraceStep.Stage.PATH, TraceStep.Verdict.NOTE,
                "request path", request.path() + " is matched as " + n.path() + ", as nginx normalises it"));
    }

    /**
     * nginx has chosen the server (and for https done the handshake with its certificate) before it parses
     * the path, so those steps are explained as for "/"; then the request is refused with 400.
     */
    private static Explanation refused(ProbeRequest request, String problem,
                                       Function<ProbeRequest, Explanation> explainer) {
        ProbeRequest root = new ProbeRequest(request.method(), request.scheme(), request.host(), request.port(), "/",
                request.query(), request.sni(), request.clientCertificate(), request.headers());
        Explanation connection = explainer.apply(root);
        if (connection.decision().outcome() == Outcome.PASSTHROUGH) {
            return connection; // TLS goes to the backend untouched: nginx never reads the path
        }
        Decision decision = Decision.of(Outcome.BAD_REQUEST, "nginx answers 400 Bad Request before any Ingress rule"
                + " is looked at: " + problem);
        Leg front = LegAssessor.front(request, connection.certificate(), false, decision.outcome());
        Leg toService = LegAssessor.backend(Optional.empty(), Optional.empty(), decision.outcome());
        Leg toPods = LegAssessor.endpoints(toService, Optional.empty());
        List<TraceStep> trace = new ArrayList<>();
        connection.trace().stream().filter(t -> t.stage() == TraceStep.Stage.CLASS || t.stage() == TraceStep.Stage.HOST
                || t.stage() == TraceStep.Stage.TLS).forEach(trace::add);
        trace.add(new TraceStep(TraceStep.Stage.PATH, TraceStep.Verdict.NOTE, "request path",
                problem + ", so nginx refuses the request with 400"));
        return new Explanation(request, decision, Optional.empty(), Optional.empty(), connection.certificate(),
                List.of(front, toService, toPods), trace, new Carriage(Upstream.PLAIN_HTTP, Optional.empty()));
    }
}
