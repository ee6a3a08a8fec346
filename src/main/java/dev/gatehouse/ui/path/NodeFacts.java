package dev.gatehouse.ui.path;

import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.ServedCertificate;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.route.VirtualHost;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.ExpiryStatus;
import dev.gatehouse.tls.HostnameMatcher;
import dev.gatehouse.ui.common.RelativeTime;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.path.PathDiagram.Detail;
import dev.gatehouse.ui.path.PathDiagram.NodeInfo;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Describes the boxes of a lane — client, controller, Service, Pods — from what the routing engine
 * decided (an {@link Explanation} and a {@link ResolvedBackend}); it judges nothing itself.
 */
final class NodeFacts {

    private final ClusterView view;

    NodeFacts(ClusterView view) {
        this.view = view;
    }

    NodeInfo client(ProbeRequest request) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Request", request.method() + " " + request.url()));
        if (request.https()) {
            details.add(new Detail("SNI", request.sni().orElse("none: the controller presents its default certificate")));
            details.add(new Detail("Client certificate", switch (request.clientCertificate().presence()) {
                case NONE -> "none";
                case TRUSTED -> "one the host's CA trusts";
                case UNTRUSTED -> "one the host's CA does not trust";
            }));
        }
        String sent = request.https() ? request.sni().map(n -> "SNI " + n).orElse("no SNI") : "plain HTTP";
        String what = "GET".equals(request.method()) ? request.url() : request.method() + " " + request.url();
        return new NodeInfo("Client", what, null, sent, List.of(), details);
    }

    /** The controller for a host: where TLS ends, with which certificate, and what plain HTTP gets. */
    NodeInfo controller(VirtualHost server, Optional<Explanation> front, Optional<Explanation> plain) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Host", server.pattern().display()));
        if (!server.contributors().isEmpty()) {
            details.add(new Detail("Ingresses of this host", String.join(", ",
                    server.contributors().stream().map(r -> r.path()).toList())));
        }
        Status status;
        String statusText;
        Optional<ServedCertificate> served = front.flatMap(Explanation::certificate);
        if (front.isEmpty()) {
            status = Status.UNKNOWN;
            statusText = "not known";
            details.add(new Detail("TLS", "The host is not a valid name, so no request can be explained for it"));
        } else if (served.isEmpty()) {
            status = Status.WARNING;
            statusText = "no TLS: plain HTTP";
            details.add(new Detail("TLS", server.catchAll() ? "Requests for hosts no rule names get the controller's"
                    + " default certificate over HTTPS" : "No tls section applies to " + server.pattern().display()
                    + ": HTTPS gets the controller's default certificate"));
        } else {
            ServedCertificate certificate = served.get();
            details.add(new Detail("TLS", server.tls().enabled() ? server.tls().reason() : "TLS ends here"));
            details.add(new Detail("Certificate", certificate.describe()));
            status = certificateStatus(certificate);
            statusText = certificateText(certificate);
            if (certificate instanceof ServedCertificate.FromSecret fromSecret) {
                fromSecret.certificate().ifPresent(info -> addCertificate(details, info, fromSecret.host()));
            } else if (certificate instanceof ServedCertificate.ControllerDefault fallback) {
                details.add(new Detail("Why", fallback.reason()));
            }
        }
        server.clientCertificate().ifPresent(auth -> details.add(new Detail("Client certificates", auth.caUsable()
                ? "Checked (auth-tls-verify-client: " + auth.verify() + ") with ca.crt of"
                + " Secret " + auth.caSecret().path()
                : "Required, but Secret " + auth.caSecret().path() + " has no usable ca.crt: the host is denied")));
        plain.ifPresent(p -> details.add(new Detail("Plain HTTP", p.decision().summary())));
        return new NodeInfo("Ingress controller", server.pattern().display(), status, statusText, List.of(), details);
    }

    static void addCertificate(List<Detail> details, CertificateInfo info, String host) {
        details.add(new Detail("Covers", String.join(", ", HostnameMatcher.coveredNames(info))
                + (info.covers(host) ? "" : "  (not " + host + ")")));
        details.add(new Detail("Issuer", info.issuerCommonName().orElse(info.issuer())));
        details.add(new Detail("Valid until", RelativeTime.absolute(info.notAfter()) + " ("
                + RelativeTime.days(info.daysLeft()) + ")"));
        details.add(new Detail("Key", info.key() + ", " + info.signatureAlgorithm()));
        details.add(new Detail("SHA-256", info.sha256Fingerprint()));
    }

    static Status certificateStatus(ServedCertificate certificate) {
        if (certificate instanceof ServedCertificate.Passthrough) {
            return Status.UNKNOWN;
        }
        if (!(certificate instanceof ServedCertificate.FromSecret fromSecret) || !certificate.coversHost()) {
            return Status.ERROR;
        }
        return fromSecret.certificate().map(c -> switch (c.expiry()) {
            case OK -> Status.OK;
            case EXPIRING -> Status.WARNING;
            default -> Status.ERROR;
        }).orElse(Status.UNKNOWN);
    }

    static String certificateText(ServedCertificate certificate) {
        if (certificate instanceof ServedCertificate.Passthrough) {
            return "TLS passed through";
        }
        if (certificate instanceof ServedCertificate.ControllerDefault) {
            return "fake certificate";
        }
        ServedCertificate.FromSecret fromSecret = (ServedCertificate.FromSecret) certificate;
        if (fromSecret.certificate().isEmpty()) {
            return "Secret not checked";
        }
        CertificateInfo info = fromSecret.certificate().get();
        if (!fromSecret.coversHost()) {
            return "host not covered";
        }
        if (info.expiry() == ExpiryStatus.EXPIRED) {
            return "expired";
        }
        if (info.expiry() == ExpiryStatus.NOT_YET_VALID) {
            return "not valid yet";
        }
        return info.daysLeft() == 1 ? "1 day left" : info.daysLeft() + " days left";
    }

    NodeInfo service(ResolvedBackend backend) {
        String title = backend.service().isPresent() ? "Service" : "Backend";
        String subtitle = backend.service().isEmpty() ? "not a Service" : backend.service().get().path() + "\nport "
                + backend.port()
                + backend.servicePort().filter(n -> !String.valueOf(n).equals(backend.port())).map(n -> " (" + n + ")")
                .orElse("");
        Status status = switch (backend.state()) {
            case READY, EXTERNAL_NAME, NO_READY_ENDPOINTS -> Status.OK;
            case SERVICE_NOT_IN_INPUT, ENDPOINTS_NOT_IN_INPUT -> Status.UNKNOWN;
            default -> Status.ERROR;
        };
        String text = switch (backend.state()) {
            case READY, NO_READY_ENDPOINTS, ENDPOINTS_NOT_IN_INPUT -> "port found";
            case EXTERNAL_NAME -> "ExternalName";
            case SERVICE_MISSING -> "Service missing";
            case PORT_MISSING -> "port missing";
            case SERVICE_NOT_IN_INPUT -> "not checked";
            case RESOURCE_BACKEND -> "not supported";
            case INVALID -> "invalid backend";
        };
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Backend", backend.display()));
        details.add(new Detail("State", backend.detail()));
        return new NodeInfo(title, subtitle, status, text, List.of(), details);
    }

    NodeInfo pods(ResolvedBackend backend) {
        boolean known = backend.state() == ResolvedBackend.State.READY
                || backend.state() == ResolvedBackend.State.NO_READY_ENDPOINTS;
        Status status = !known ? Status.UNKNOWN : backend.readyEndpoints() == 0 ? Status.ERROR
                : backend.readyEndpoints() < backend.endpoints() ? Status.WARNING : Status.OK;
        String subtitle = known ? backend.readyEndpoints() + " of " + backend.endpoints() + " ready" : "not known";
        String text = !known ? "not known" : backend.readyEndpoints() == 0 ? "none ready" : "ready";
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Endpoints", known ? subtitle : backend.detail()));
        if (known && backend.service().isPresent()) {
            var service = backend.service().get();
            for (EndpointSlice slice : view.endpointSlices(service.namespace(), service.name())) {
                for (Endpoint endpoint : slice.getEndpoints() == null ? List.<Endpoint>of() : slice.getEndpoints()) {
                    details.add(new Detail(endpointName(endpoint), ready(endpoint) ? "ready" : "not ready"));
                }
            }
        }
        return new NodeInfo("Pods", subtitle, status, text, List.of(), details);
    }

    private static String endpointName(Endpoint endpoint) {
        String addresses = endpoint.getAddresses() == null ? "" : String.join(", ", endpoint.getAddresses());
        if (endpoint.getTargetRef() != null && endpoint.getTargetRef().getName() != null) {
            return endpoint.getTargetRef().getKind() == null ? endpoint.getTargetRef().getName()
                    : endpoint.getTargetRef().getKind() + " " + endpoint.getTargetRef().getName()
                    + (addresses.isEmpty() ? "" : " (" + addresses + ")");
        }
        return addresses.isEmpty() ? "endpoint" : addresses;
    }

    private static boolean ready(Endpoint endpoint) {
        return endpoint.getConditions() == null || endpoint.getConditions().getReady() == null
                || endpoint.getConditions().getReady();
    }

    /** The request a lane's front is judged with: what a browser (with a client certificate where one is asked) sends. */
    static ClientCertificate sampleClientCertificate(VirtualHost host) {
        return host.clientCertificate().isPresent() ? ClientCertificate.trusted(null) : ClientCertificate.NONE;
    }

    static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
