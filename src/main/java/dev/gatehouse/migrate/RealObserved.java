package dev.gatehouse.migrate;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.ServedCertificate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what one proxy really answered ({@link ReplayClient.Answer}) into the fields the diff compares
 * ({@link Observed}): the status; the Service port, path and Host the stand-in backend reports it received; the
 * Location with the proxy's local ports put back to the listener ports they stand for (so both worlds' redirects
 * compare); the served leaf by SHA-256 (named after the Secret or the default certificate when that is whose it
 * is); whether the backend leg was TLS; the Strict-Transport-Security header. The engine's explanation of the same
 * request rides along so the traps can say why a difference happens.
 */
final class RealObserved {

    private static final Pattern URL = Pattern.compile("^(https?)://([^/:?#]+)(?::(\\d+))?(.*)$");

    private RealObserved() {
    }

    /**
     * @param world        "old (Ingress) proxy" or "new (Gateway) proxy", for people
     * @param answer       what came back
     * @param engine       the engine's explanation of the same request in the same world
     * @param localToPort  local port → the listener port it serves (443 and 80 included)
     * @param certificates SHA-256 of a leaf → who it belongs to ("Secret shop/web-tls", "the controller's default
     *                     certificate")
     */
    static Observed of(String world, ReplayClient.Answer answer, Explanation engine, Map<Integer, Integer> localToPort,
                       Map<String, String> certificates) {
        boolean https = engine.request().https();
        String certificate = !https ? "" : answer.leaf().isEmpty() ? "no TLS handshake"
                : certificates.getOrDefault(answer.leaf(), "sha256 " + answer.leaf());
        if (answer.status() < 0) {
            return new Observed(world + ": " + answer.error(), Observed.NO_ANSWER, "", "", "", "", certificate, "", "",
                    engine);
        }
        Optional<String> backend = answer.header(StandInBackends.SERVICE_HEADER);
        String leg = backend.map(b -> answer.header(StandInBackends.TLS_HEADER).orElse("no").equals("yes")
                ? "TLS" : "plain HTTP").orElse("");
        return new Observed(world + (backend.isPresent() ? " → stand-in backend " + backend.get() : ""),
                answer.status(), backend.orElse(""), backend.flatMap(b -> answer.echoed("path")).orElse(""),
                backend.flatMap(b -> answer.echoed("host")).orElse(""),
                answer.header("Location").map(l -> location(l, localToPort)).orElse(""), certificate, leg,
                https ? answer.header("Strict-Transport-Security").orElse("") : "", engine);
    }

    /** {@code https://shop.example.com:40123/x} → {@code https://shop.example.com/x} when 40123 serves port 443. */
    static String location(String location, Map<Integer, Integer> localToPort) {
        Matcher m = URL.matcher(location);
        if (!m.matches() || m.group(3) == null) {
            return location;
        }
        int port = Integer.parseInt(m.group(3));
        int listener = localToPort.getOrDefault(port, port);
        boolean wellKnown = m.group(1).equals("https") && listener == 443 || m.group(1).equals("http") && listener == 80;
        return m.group(1) + "://" + m.group(2) + (wellKnown ? "" : ":" + listener) + m.group(4);
    }

    /** The name of the certificate the engine says a request gets, when the engine knows its leaf. */
    static Optional<Map.Entry<String, String>> named(Explanation engine) {
        return engine.certificate().filter(ServedCertificate.FromSecret.class::isInstance)
                .map(ServedCertificate.FromSecret.class::cast)
                .flatMap(s -> s.certificate().map(c -> Map.entry(c.sha256Fingerprint(), "Secret " + s.secret().path()
                        + " (sha256 " + c.sha256Fingerprint().substring(0, 11) + "…)")));
    }
}
