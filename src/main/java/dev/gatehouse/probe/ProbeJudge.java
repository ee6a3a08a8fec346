package dev.gatehouse.probe;

import dev.gatehouse.tls.TrustAnchors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets what an endpoint served beside what the objects say: every disagreement and every failed check becomes a
 * {@link Verdict} with a plain sentence. Judges time by its clock and trust by the anchors given (the session's
 * {@link dev.gatehouse.tls.ca.TrustPolicy} plus the connection's roots); never fails because a certificate is
 * untrusted — that is one verdict among others.
 */
public final class ProbeJudge {

    private final CertificateVerdicts certificates;
    private final ProtocolVerdicts protocols;

    public ProbeJudge(Clock clock, TrustAnchors anchors) {
        this.certificates = new CertificateVerdicts(clock, anchors);
        this.protocols = new ProtocolVerdicts(clock);
    }

    public HostReport judge(PlannedHost planned, Observation observation) {
        List<Verdict> verdicts = new ArrayList<>();
        if (!observation.reached()) {
            verdicts.add(Verdict.fail(Verdict.Check.REACHABLE, observation.withSni().problem()
                    .map(NetworkProblem::message).orElse("no TLS handshake")));
            return new HostReport(planned, observation, verdicts);
        }
        Handshake served = observation.withSni().handshake().orElseThrow();
        verdicts.add(Verdict.pass(Verdict.Check.REACHABLE, planned.forwarded().isPresent()
                ? "TLS handshake " + planned.forwarded().get().describe() + " (local end " + planned.target().address()
                        + "; " + planned.forwarded().get().service() + ")"
                : "TLS handshake with " + planned.target().address()
                + observation.resolved().filter(ip -> !ip.getHostAddress().equals(planned.target().address().host()))
                        .map(ip -> " (" + ip.getHostAddress() + ")").orElse("")
                + ", address from " + planned.addressFrom()));
        verdicts.addAll(certificates.judge(planned.expectation(), served, observation.withoutSni()));
        verdicts.addAll(protocols.judge(planned.expectation(), observation, served));
        return new HostReport(planned, observation, verdicts);
    }
}
