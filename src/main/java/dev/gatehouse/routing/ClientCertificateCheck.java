package dev.gatehouse.routing;

import dev.gatehouse.routing.route.ClientCertificatePolicy;
import dev.gatehouse.routing.route.VirtualHost;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Client-certificate authentication of the front leg ({@code auth-tls-*}): nginx answers 400 when a
 * required certificate is missing or fails verification; ingress-nginx answers 403 when
 * {@code auth-tls-match-cn} rejects the subject, and denies the host (503) when the CA Secret is unusable.
 */
final class ClientCertificateCheck {

    /** The decision (if the request is stopped) and whether the client certificate was verified. */
    record Result(Optional<Decision> decision, boolean verified) {
    }

    private ClientCertificateCheck() {
    }

    static Result check(VirtualHost host, ProbeRequest request, Trace trace) {
        if (host.clientCertificate().isEmpty()) {
            return new Result(Optional.empty(), false);
        }
        ClientCertificatePolicy auth = host.clientCertificate().get();
        String secret = auth.caSecret().path();
        if (!auth.caUsable()) {
            trace.chosen(TraceStep.Stage.CLIENT_CERTIFICATE, "denied", "auth-tls-secret " + secret + " of "
                    + auth.source() + " has no usable ca.crt, so ingress-nginx denies the host's locations");
            return stop(Outcome.DENIED, "ingress-nginx answers 503: the client-certificate CA Secret " + secret
                    + " cannot be used");
        }
        String mode = auth.verify();
        var presented = request.clientCertificate();
        String subject = "client certificate";
        switch (mode) {
            case "off" -> {
                return new Result(Optional.empty(), false);
            }
            case "optional_no_ca" -> {
                trace.note(TraceStep.Stage.CLIENT_CERTIFICATE, subject, "auth-tls-verify-client is optional_no_ca:"
                        + " a certificate is requested and passed on, but not verified");
                return new Result(Optional.empty(), false);
            }
            default -> {
                // "on" or "optional"
            }
        }
        switch (presented.presence()) {
            case NONE -> {
                if ("optional".equals(mode)) {
                    trace.note(TraceStep.Stage.CLIENT_CERTIFICATE, subject, "optional and none was sent: the request"
                            + " continues without client authentication");
                    return new Result(Optional.empty(), false);
                }
                trace.chosen(TraceStep.Stage.CLIENT_CERTIFICATE, "400", "the host requires a client certificate"
                        + " (auth-tls-verify-client: on, CA from Secret " + secret + ") and none was sent");
                return stop(Outcome.CLIENT_CERT_REQUIRED, "nginx answers 400 (No required SSL certificate was sent)");
            }
            case UNTRUSTED -> {
                trace.chosen(TraceStep.Stage.CLIENT_CERTIFICATE, "400", "the client certificate is not issued by"
                        + " the CA in ca.crt of Secret " + secret);
                return stop(Outcome.CLIENT_CERT_REJECTED, "nginx answers 400 (The SSL certificate error)");
            }
            default -> {
                // trusted: check the subject below
            }
        }
        Optional<String> matchCn = auth.allowedSubject();
        if (matchCn.isPresent()) {
            String dn = presented.subject().orElse("");
            boolean allowed;
            try {
                allowed = Pattern.compile(matchCn.get()).matcher(dn).find();
            } catch (PatternSyntaxException e) {
                allowed = false;
            }
            if (!allowed) {
                trace.chosen(TraceStep.Stage.CLIENT_CERTIFICATE, "403", "the certificate subject \"" + dn
                        + "\" does not match auth-tls-match-cn " + matchCn.get());
                return stop(Outcome.CLIENT_CERT_FORBIDDEN, "ingress-nginx answers 403 (client certificate unauthorized)");
            }
        }
        trace.chosen(TraceStep.Stage.CLIENT_CERTIFICATE, subject, "verified with ca.crt of Secret " + secret);
        return new Result(Optional.empty(), true);
    }

    private static Result stop(Outcome outcome, String summary) {
        return new Result(Optional.of(Decision.of(outcome, summary)), false);
    }
}
