package dev.gatehouse.routing;

import dev.gatehouse.routing.gateway.FrontendValidation;
import dev.gatehouse.routing.gateway.GatewayListener;
import java.util.Optional;

/**
 * Client-certificate validation of a Gateway HTTPS listener ({@code spec.tls.frontend}): with
 * {@code AllowValidOnly} the Gateway refuses the TLS handshake when no certificate is sent or the listener's CA
 * does not verify it (no HTTP answer at all); with {@code AllowInsecureFallback} it accepts the connection either
 * way and passes the request on. The policy itself is the neutral {@link GatewayListener#clientCertificate()}.
 */
final class GatewayClientCertificateCheck {

    /** The decision (if the handshake is refused) and whether the client certificate was verified. */
    record Result(Optional<Decision> decision, boolean verified) {
    }

    private GatewayClientCertificateCheck() {
    }

    static Result check(GatewayListener listener, ProbeRequest request, Trace trace) {
        if (listener.frontendValidation().isEmpty()) {
            return new Result(Optional.empty(), false);
        }
        FrontendValidation v = listener.frontendValidation().get();
        String against = "validated against " + v.cas() + " (" + v.field() + ", mode " + v.mode() + ")";
        String subject = "client certificate";
        switch (request.clientCertificate().presence()) {
            case TRUSTED -> {
                trace.chosen(TraceStep.Stage.CLIENT_CERTIFICATE, subject, "listener " + listener.name() + " requires"
                        + " client certificates " + against + "; the one sent"
                        + request.clientCertificate().subject().map(s -> " (" + s + ")").orElse("") + " is verified");
                return new Result(Optional.empty(), true);
            }
            case NONE -> {
                if (v.insecureFallback()) {
                    trace.note(TraceStep.Stage.CLIENT_CERTIFICATE, subject, "listener " + listener.name() + " asks for"
                            + " client certificates " + against + "; none was sent and AllowInsecureFallback accepts"
                            + " the connection anyway (the backend must authorise the client)");
                    return new Result(Optional.empty(), false);
                }
                trace.chosen(TraceStep.Stage.CLIENT_CERTIFICATE, "handshake refused", "listener " + listener.name()
                        + " requires client certificates " + against + " and none was sent");
                return refuse(Outcome.CLIENT_CERT_REQUIRED, "The Gateway refuses the TLS handshake: listener "
                        + listener.name() + " requires a client certificate " + against + " and none was sent");
            }
            default -> {
                if (v.insecureFallback()) {
                    trace.note(TraceStep.Stage.CLIENT_CERTIFICATE, subject, "listener " + listener.name() + " asks for"
                            + " client certificates " + against + "; the one sent is not verified by that CA and"
                            + " AllowInsecureFallback accepts the connection anyway");
                    return new Result(Optional.empty(), false);
                }
                trace.chosen(TraceStep.Stage.CLIENT_CERTIFICATE, "handshake refused", "listener " + listener.name()
                        + " requires client certificates " + against + "; the one sent is not issued by that CA");
                return refuse(Outcome.CLIENT_CERT_REJECTED, "The Gateway refuses the TLS handshake: the client"
                        + " certificate is not " + against);
            }
        }
    }

    /** No HTTP status: the connection ends in the handshake. */
    private static Result refuse(Outcome outcome, String summary) {
        return new Result(Optional.of(new Decision(outcome, 0, summary, Optional.empty(), Optional.empty())), false);
    }
}
