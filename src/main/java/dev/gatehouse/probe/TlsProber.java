package dev.gatehouse.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Observes what an endpoint serves for one host: resolves the address, then connects in turn — with SNI (every
 * version, ALPN {@code h2, http/1.1}, OCSP status request), without SNI, once per TLS version offered alone, and
 * once for {@code GET /} (ALPN {@code http/1.1}). When the first connection fails, that failure is the observation
 * and nothing else is tried. Every step is bounded by the target's timeout; nothing is trusted or refused here.
 *
 * <p>Blocking: call it off UI threads. One prober can observe many targets, one after another or from several
 * threads; {@link #close()} it when done.
 */
public final class TlsProber implements AutoCloseable {

    private static final List<String> ALPN = List.of("h2", "http/1.1");

    private final Clock clock;
    private final TlsConnector connector = new TlsConnector();
    private final ExecutorService resolver = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gatehouse-probe-dns");
        t.setDaemon(true);
        return t;
    });

    public TlsProber(Clock clock) {
        this.clock = clock;
    }

    /** Which TLS library offers the versions ("BoringSSL", or the JDK's with TLS 1.0/1.1 untested). */
    public String implementation() {
        return connector.implementation();
    }

    public Observation observe(ProbeTarget target) {
        Instant at = clock.instant();
        String where = target.address().toString();
        CompletableFuture<InetAddress> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getByName(target.address().host());
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }, resolver);
        InetAddress ip;
        try {
            ip = lookup.get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return unreached(target, at, new NetworkProblem(NetworkProblem.Kind.UNRESOLVED, "the host name \""
                    + target.address().host() + "\" does not resolve (no DNS answer with an address): check the"
                    + " spelling, or give --address with an IP"));
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return unreached(target, at, new NetworkProblem(NetworkProblem.Kind.UNRESOLVED, "the host name \""
                    + target.address().host() + "\" did not resolve within "
                    + NetworkProblems.seconds(target.timeout()) + " (DNS does not answer)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreached(target, at, new NetworkProblem(NetworkProblem.Kind.OTHER, "the probe was cancelled"));
        }
        InetSocketAddress socket = new InetSocketAddress(ip, target.address().port());
        String name = target.address().host().equals(ip.getHostAddress()) ? where
                : where + " (" + ip.getHostAddress() + ")";
        Attempt first = connector.attempt(request(target, socket, name, Optional.of(target.host()),
                TlsConnector.ALL_PROTOCOLS, ALPN, false));
        if (!first.succeeded()) {
            return new Observation(target, at, Optional.of(ip), first, Optional.empty(), List.of(), Optional.empty(),
                    connector.implementation());
        }
        Attempt noSni = connector.attempt(request(target, socket, name, Optional.empty(), TlsConnector.ALL_PROTOCOLS,
                ALPN, false));
        List<VersionSupport> versions = new ArrayList<>();
        List<String> testable = connector.testableProtocols();
        for (String protocol : TlsConnector.ALL_PROTOCOLS) {
            if (!testable.contains(protocol)) {
                versions.add(new VersionSupport(protocol, VersionSupport.Result.NOT_TESTED,
                        "this machine's TLS cannot offer it (" + connector.implementation() + ")"));
                continue;
            }
            versions.add(version(protocol, connector.attempt(request(target, socket, name, Optional.of(target.host()),
                    List.of(protocol), ALPN, false))));
        }
        Attempt http = connector.attempt(request(target, socket, name, Optional.of(target.host()),
                TlsConnector.ALL_PROTOCOLS, List.of("http/1.1"), true));
        return new Observation(target, at, Optional.of(ip), first, Optional.of(noSni), versions, Optional.of(http),
                connector.implementation());
    }

    private static VersionSupport version(String protocol, Attempt attempt) {
        if (attempt.succeeded()) {
            Handshake h = attempt.handshake().orElseThrow();
            return new VersionSupport(protocol, VersionSupport.Result.ACCEPTED, h.protocol() + ", " + h.cipher());
        }
        NetworkProblem p = attempt.problem().orElseThrow();
        return new VersionSupport(protocol, p.refusedByServer() || p.kind() == NetworkProblem.Kind.CLOSED
                || p.kind() == NetworkProblem.Kind.RESET ? VersionSupport.Result.REFUSED
                : VersionSupport.Result.UNKNOWN, p.message());
    }

    private static TlsConnector.Request request(ProbeTarget target, InetSocketAddress socket, String where,
                                                Optional<String> sni, List<String> protocols, List<String> alpn,
                                                boolean get) {
        return new TlsConnector.Request(socket, where, sni, protocols, alpn,
                get ? Optional.of(target.host()) : Optional.empty(), target.timeout());
    }

    /** An observation of a target that was never reached, for {@code problem}, stamped now. */
    Observation failed(ProbeTarget target, NetworkProblem problem) {
        return unreached(target, clock.instant(), problem);
    }

    private Observation unreached(ProbeTarget target, Instant at, NetworkProblem problem) {
        return new Observation(target, at, Optional.empty(), Attempt.failed(problem), Optional.empty(), List.of(),
                Optional.empty(), connector.implementation());
    }

    @Override
    public void close() {
        connector.close();
        resolver.shutdownNow();
    }
}
