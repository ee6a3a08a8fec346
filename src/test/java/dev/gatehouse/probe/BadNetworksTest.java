package dev.gatehouse.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.testing.RefusedPort;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad networks are normal results: every failure a probe meets on the way to a TLS answer is a clear
 * {@link NetworkProblem}, named for the address and bounded by the timeout, against real peers on loopback.
 */
@Timeout(60)
class BadNetworksTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static TlsProber prober;

    @BeforeAll
    static void start() {
        prober = new TlsProber(AppClock.system());
    }

    @AfterAll
    static void stop() {
        prober.close();
    }

    private static Observation probe(String connectHost, int port) {
        return prober.observe(new ProbeTarget("shop.example.com", new ProbeAddress(connectHost, port), TIMEOUT));
    }

    private static NetworkProblem problemOf(Observation o) {
        assertThat(o.reached()).as("no handshake").isFalse();
        assertThat(o.versions()).as("nothing else tried after the first failure").isEmpty();
        return o.withSni().problem().orElseThrow();
    }

    @Test
    void connectionRefusedNamesThePort() throws IOException {
        try (RefusedPort refused = RefusedPort.open()) {
            int port = refused.port();
            NetworkProblem p = problemOf(probe("127.0.0.1", port));
            assertThat(p.kind()).isEqualTo(NetworkProblem.Kind.REFUSED);
            assertThat(p.message()).isEqualTo("connection refused by 127.0.0.1:" + port + ": nothing listens on that port");
        }
    }

    @Test
    void resetDuringTheHandshake() throws IOException {
        try (LoopbackPeer peer = LoopbackPeer.serving(s -> {
            LoopbackPeer.awaitHello(s);
            s.setSoLinger(true, 0);
            s.close();
        })) {
            NetworkProblem p = problemOf(probe("127.0.0.1", peer.port()));
            assertThat(p.kind()).isIn(NetworkProblem.Kind.RESET, NetworkProblem.Kind.CLOSED);
            assertThat(p.message()).startsWith("127.0.0.1:" + peer.port()).contains("during the TLS handshake");
        }
    }

    @Test
    void closedWithoutAnswer() throws IOException {
        try (LoopbackPeer peer = LoopbackPeer.serving(s -> {
            LoopbackPeer.awaitHello(s);
            s.close();
        })) {
            NetworkProblem p = problemOf(probe("127.0.0.1", peer.port()));
            assertThat(p.kind()).isEqualTo(NetworkProblem.Kind.CLOSED);
            assertThat(p.message()).isEqualTo("127.0.0.1:" + peer.port()
                    + " closed the connection during the TLS handshake without an answer");
        }
    }

    @Test
    void aConnectionThatNeverCompletesTimesOut() throws IOException {
        try (LoopbackPeer peer = LoopbackPeer.neverAccepting()) {
            List<Socket> fillers = fillBacklog(peer.address());
            try {
                NetworkProblem p = problemOf(probe("127.0.0.1", peer.port()));
                assertThat(p.kind()).isEqualTo(NetworkProblem.Kind.CONNECT_TIMEOUT);
                assertThat(p.message()).startsWith("no TCP connection to 127.0.0.1:" + peer.port() + " within 1500 ms");
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    /** Connects until the listen backlog is full (the next connection attempt hangs). */
    private static List<Socket> fillBacklog(InetSocketAddress address) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Socket s = new Socket();
            try {
                s.connect(address, 300);
                sockets.add(s);
            } catch (SocketTimeoutException full) {
                s.close();
                return sockets;
            }
        }
        throw new AssertionError("the backlog never filled");
    }

    @Test
    void aPlainHttpPortIsNamed() throws IOException {
        try (LoopbackPeer peer = LoopbackPeer.serving(s -> {
            LoopbackPeer.awaitHello(s);
            LoopbackPeer.write(s, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            s.close();
        })) {
            NetworkProblem p = problemOf(probe("127.0.0.1", peer.port()));
            assertThat(p.kind()).isEqualTo(NetworkProblem.Kind.PLAIN_HTTP);
            assertThat(p.message()).isEqualTo("127.0.0.1:" + peer.port() + " answered in plain HTTP (\"HTTP/1.1 400"
                    + " Bad Request\"), not TLS: is this the controller's HTTP port (80) instead of its HTTPS port (443)?");
        }
    }

    @Test
    void aServiceOfAnotherProtocolIsNamed() throws IOException {
        try (LoopbackPeer peer = LoopbackPeer.serving(s -> {
            LoopbackPeer.write(s, "SSH-2.0-OpenSSH_9.6\r\n");
            LoopbackPeer.drain(s);
        })) {
            NetworkProblem p = problemOf(probe("127.0.0.1", peer.port()));
            assertThat(p.kind()).isEqualTo(NetworkProblem.Kind.NOT_TLS);
            assertThat(p.message()).isEqualTo("127.0.0.1:" + peer.port() + " answered with something that is not TLS"
                    + " (\"SSH-2.0-OpenSSH_9.6\"): the port belongs to another kind of service");
        }
    }

    @Test
    void aHostNameThatDoesNotResolve() {
        NetworkProblem p = problemOf(probe("no-such-host.invalid", 443));
        assertThat(p.kind()).isEqualTo(NetworkProblem.Kind.UNRESOLVED);
        assertThat(p.message()).startsWith("the host name \"no-such-host.invalid\" d");
        assertThat(probe("no-such-host.invalid", 443).resolved()).isEmpty();
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws IOException {
        try (LoopbackPeer peer = LoopbackPeer.serving(LoopbackPeer::drain)) {
            NetworkProblem p = problemOf(probe("127.0.0.1", peer.port()));
            assertThat(p.kind()).isEqualTo(NetworkProblem.Kind.HANDSHAKE_TIMEOUT);
            assertThat(p.message()).isEqualTo("127.0.0.1:" + peer.port() + " accepted the connection but sent no TLS"
                    + " answer within 1500 ms: a slow or stuck server, or a service that waits for the client to speak"
                    + " another protocol");
        }
    }

    @Test
    void eachFailureIsOneFailedReachabilityVerdict() throws IOException {
        try (RefusedPort refused = RefusedPort.open()) {
            int port = refused.port();
            ProbeTarget target = new ProbeTarget("shop.example.com", new ProbeAddress("127.0.0.1", port), TIMEOUT);
            PlannedHost planned = new PlannedHost(target, new Expectation("shop.example.com", java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.empty(), java.util.Map.of()), "--address");
            HostReport report = new ProbeJudge(AppClock.system(), dev.gatehouse.tls.TrustAnchors.none())
                    .judge(planned, prober.observe(target));
            assertThat(report.agrees()).isFalse();
            assertThat(report.verdicts()).singleElement().satisfies(v -> {
                assertThat(v.check()).isEqualTo(Verdict.Check.REACHABLE);
                assertThat(v.message()).contains("connection refused");
            });
        }
    }
}
