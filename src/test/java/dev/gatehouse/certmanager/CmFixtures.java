package dev.gatehouse.certmanager;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** cert-manager objects for tests, written as a cluster would hold them. */
final class CmFixtures {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final List<CmObject> certificates = new ArrayList<>();
    final List<CmObject> requests = new ArrayList<>();
    final List<CmObject> issuers = new ArrayList<>();
    final List<CmObject> clusterIssuers = new ArrayList<>();
    final List<CmObject> orders = new ArrayList<>();
    final List<CmObject> challenges = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final Map<String, Integer> solvers = new LinkedHashMap<>();
    final Map<String, String> unreadable = new LinkedHashMap<>();

    static CmObject object(String yaml) {
        GenericKubernetesResource r = SERIALIZATION.unmarshal(yaml, GenericKubernetesResource.class);
        return new CmObject(r.getKind(), r);
    }

    CmFixtures certificate(String yaml) {
        certificates.add(object(yaml));
        return this;
    }

    CmFixtures request(String yaml) {
        requests.add(object(yaml));
        return this;
    }

    CmFixtures issuer(String yaml) {
        CmObject o = object(yaml);
        (o.kind().equals("ClusterIssuer") ? clusterIssuers : issuers).add(o);
        return this;
    }

    CmFixtures order(String yaml) {
        orders.add(object(yaml));
        return this;
    }

    CmFixtures challenge(String yaml) {
        challenges.add(object(yaml));
        return this;
    }

    CmFixtures event(String kind, String name, String type, String reason, String message) {
        Event e = new io.fabric8.kubernetes.api.model.EventBuilder().withType(type).withReason(reason)
                .withMessage(message).withNewInvolvedObject().withKind(kind).withName(name).endInvolvedObject().build();
        events.add(e);
        return this;
    }

    CertManagerObjects build() {
        return new CertManagerObjects(true, certificates, requests, issuers, clusterIssuers, orders, challenges, events,
                solvers, unreadable);
    }

    /** A Ready ACME Certificate for shop.example.com writing Secret shop/web-tls, revision 3. */
    static String readyCertificate(String renewalTime) {
        return """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web, namespace: shop, uid: cert-uid}
                spec:
                  secretName: web-tls
                  dnsNames: [shop.example.com]
                  issuerRef: {name: letsencrypt-prod, kind: ClusterIssuer, group: cert-manager.io}
                status:
                  revision: 3
                  notAfter: "2027-02-01T00:00:00Z"
                  renewalTime: "%s"
                  conditions:
                  - {type: Ready, status: "True", reason: Ready, message: Certificate is up to date and has not expired}
                """.formatted(renewalTime);
    }

    /** A Certificate being reissued (revision 3 → 4), Ready still True for the old certificate. */
    static final String ISSUING_CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: web, namespace: shop, uid: cert-uid}
            spec:
              secretName: web-tls
              dnsNames: [shop.example.com]
              issuerRef: {name: letsencrypt-prod, kind: ClusterIssuer}
            status:
              revision: 3
              renewalTime: "2026-11-20T00:00:00Z"
              conditions:
              - {type: Ready, status: "True", reason: Ready, message: Certificate is up to date and has not expired}
              - {type: Issuing, status: "True", reason: Renewing, message: Renewing certificate as renewal was scheduled at 2026-11-20}
            """;

    static String clusterIssuer(boolean ready, String message) {
        return """
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: letsencrypt-prod, uid: issuer-uid}
                spec:
                  acme: {server: "https://acme-v02.api.letsencrypt.org/directory", email: ops@example, privateKeySecretRef: {name: le-account}}
                status:
                  conditions:
                  - {type: Ready, status: "%s", reason: %s, message: "%s"}
                """.formatted(ready ? "True" : "False", ready ? "ACMEAccountRegistered" : "ErrRegisterACMEAccount",
                message);
    }

    static final String PENDING_REQUEST = """
            apiVersion: cert-manager.io/v1
            kind: CertificateRequest
            metadata:
              name: web-4
              namespace: shop
              uid: cr-uid
              annotations: {cert-manager.io/certificate-name: web, cert-manager.io/certificate-revision: "4"}
              ownerReferences: [{apiVersion: cert-manager.io/v1, kind: Certificate, name: web, uid: cert-uid}]
            status:
              conditions:
              - {type: Approved, status: "True", reason: cert-manager.io, message: Certificate request has been approved by cert-manager.io}
              - {type: Ready, status: "False", reason: Pending, message: "Waiting on certificate issuance from order shop/web-4-1234: \\"pending\\""}
            """;

    static final String PENDING_ORDER = """
            apiVersion: acme.cert-manager.io/v1
            kind: Order
            metadata:
              name: web-4-1234
              namespace: shop
              uid: order-uid
              ownerReferences: [{apiVersion: cert-manager.io/v1, kind: CertificateRequest, name: web-4, uid: cr-uid}]
            status: {state: pending, url: "https://acme-v02.api.letsencrypt.org/acme/order/1/2"}
            """;

    static final String PENDING_HTTP01 = """
            apiVersion: acme.cert-manager.io/v1
            kind: Challenge
            metadata:
              name: web-4-1234-567
              namespace: shop
              ownerReferences: [{apiVersion: acme.cert-manager.io/v1, kind: Order, name: web-4-1234, uid: order-uid}]
            spec: {type: HTTP-01, dnsName: shop.example.com, token: abc}
            status:
              processing: true
              presented: true
              state: pending
              reason: "Waiting for HTTP-01 challenge propagation: failed to perform self check GET request 'http://shop.example.com/.well-known/acme-challenge/abc': Get \\"http://shop.example.com/.well-known/acme-challenge/abc\\": 503 Service Temporarily Unavailable"
            """;
}
