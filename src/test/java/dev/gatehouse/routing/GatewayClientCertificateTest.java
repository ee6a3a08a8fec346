package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.gateway.Condition;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayState;
import dev.gatehouse.routing.gateway.ListenerKey;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.tls.TestCerts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Gateway's {@code spec.tls}: client-certificate validation of its HTTPS listeners ({@code frontend.default} and
 * {@code perPort}), the listener conditions a conformant controller writes for the CA references (after the
 * conformance test GatewayFrontendClientCertificateValidation), and the client certificate it presents to
 * backends behind a BackendTLSPolicy ({@code backend.clientCertificateRef}).
 */
class GatewayClientCertificateTest {

    private static final ObjectRef GW = new ObjectRef("Gateway", "a", "gw");

    /** Listeners https :443 (default: AllowValidOnly) and alt :8443 (perPort: AllowInsecureFallback), plain :80. */
    private static Fixture fixture(String tls, String more) {
        Fixture f = GatewayTlsLintFixtures.gateway(tls, """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: other, namespace: a}
                spec:
                  gatewayClassName: eg
                  listeners:
                  - {name: alt, port: 8443, protocol: HTTPS, hostname: alt.example.com,
                     tls: {certificateRefs: [{name: alt-tls}]}}
                  - {name: http, port: 80, protocol: HTTP}
                  tls:
                    frontend:
                      default:
                        validation: {caCertificateRefs: [{kind: ConfigMap, name: client-ca}]}
                      perPort:
                      - port: 8443
                        tls:
                          validation:
                            caCertificateRefs: [{kind: ConfigMap, name: client-ca}]
                            mode: AllowInsecureFallback
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web, namespace: a}
                spec:
                  parentRefs: [{name: gw}, {name: other}]
                  rules:
                  - matches: [{path: {type: PathPrefix, value: /secure}}]
                    backendRefs: [{name: secure, port: 8443}]
                  - backendRefs: [{name: web, port: 80}]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: BackendTLSPolicy
                metadata: {name: secure-tls, namespace: a}
                spec:
                  targetRefs: [{group: "", kind: Service, name: secure}]
                  validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: client-ca}], hostname: secure.a.svc}
                """ + (more.isEmpty() ? "" : "---\n" + more)).tlsSecret("a", "alt-tls", "alt.example.com")
                .service("a", "web", 80, 1).service("a", "secure", 8443, 1);
        return f.yaml(GatewayTlsLintFixtures.caConfigMap(f, "a", "client-ca"));
    }

    private static final String VALIDATING = GatewayTlsLintFixtures.frontend("{kind: ConfigMap, name: client-ca}", "")
            + "backend: {clientCertificateRef: {name: gw-client}}";
    private static final Fixture FIXTURE = withClientSecret(fixture(VALIDATING, ""));
    private static final RoutingSnapshot SNAPSHOT = FIXTURE.engine().snapshot();

    private static Fixture withClientSecret(Fixture f) {
        TestCerts.Issued client = TestCerts.cert("gateway-client").clientAuthOnly().issuedBy(f.intermediate()).issue();
        return f.secret("a", "gw-client", "kubernetes.io/tls", Map.of("tls.crt",
                TestCerts.pem(client.cert(), f.intermediate().cert()), "tls.key", TestCerts.pem(client.key())));
    }

    private static ClientCertificate presented(String presence) {
        return switch (presence) {
            case "trusted" -> ClientCertificate.trusted("CN=partner");
            case "untrusted" -> ClientCertificate.untrusted();
            default -> ClientCertificate.NONE;
        };
    }

    @ParameterizedTest(name = "{0} with {1} → {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            https://shop.example.com/      | none      | CLIENT_CERT_REQUIRED | 0   | handshake refused
            https://shop.example.com/      | untrusted | CLIENT_CERT_REJECTED | 0   | handshake refused
            https://shop.example.com/      | trusted   | ROUTED               | 200 | client certificate
            https://alt.example.com:8443/  | none      | ROUTED               | 200 | client certificate
            https://alt.example.com:8443/  | untrusted | ROUTED               | 200 | client certificate
            https://alt.example.com:8443/  | trusted   | ROUTED               | 200 | client certificate
            http://shop.example.com/       | none      | ROUTED               | 200 | -
            """)
    void validationRefusesTheHandshakeOrFallsBackByMode(String url, String presence, Outcome outcome, int status,
                                                        String step) {
        Explanation e = SNAPSHOT.explain(Fixture.request(url).withClientCertificate(presented(presence)));
        assertThat(e.decision().outcome()).as(e.trace().toString()).isEqualTo(outcome);
        assertThat(e.decision().status()).isEqualTo(status);
        if (!step.equals("-")) {
            assertThat(e.trace()).anyMatch(s -> s.stage() == TraceStep.Stage.CLIENT_CERTIFICATE
                    && s.subject().equals(step) && s.reason().contains("ConfigMap a/client-ca"));
        } else {
            assertThat(e.trace()).noneMatch(s -> s.stage() == TraceStep.Stage.CLIENT_CERTIFICATE);
        }
    }

    @Test
    void theTraceSaysWhatTheListenerRequiresAndTheFrontLegIsMutual() {
        Explanation refused = SNAPSHOT.explain(Fixture.request("https://shop.example.com/"));
        assertThat(refused.decision().summary()).contains("refuses the TLS handshake", "ConfigMap a/client-ca",
                "spec.tls.frontend.default", "AllowValidOnly");
        assertThat(refused.leg(Leg.Kind.CLIENT_TO_CONTROLLER).orElseThrow().protection()).isEqualTo(Leg.Protection.NONE);
        Explanation ok = SNAPSHOT.explain(Fixture.request("https://shop.example.com/")
                .withClientCertificate(presented("trusted")));
        assertThat(ok.leg(Leg.Kind.CLIENT_TO_CONTROLLER).orElseThrow().protection())
                .isEqualTo(Leg.Protection.MUTUAL_TLS);
        Explanation fallback = SNAPSHOT.explain(Fixture.request("https://alt.example.com:8443/"));
        assertThat(fallback.trace()).anyMatch(s -> s.reason().contains("spec.tls.frontend.perPort[port 8443]")
                && s.reason().contains("AllowInsecureFallback accepts the connection anyway"));
    }

    @Test
    void theListenerPolicyIsTheNeutralClientCertificatePolicy() {
        GatewayListener https = listener(SNAPSHOT, GW, "https");
        var policy = https.clientCertificate().orElseThrow();
        assertThat(policy.refusesHandshake()).isTrue();
        assertThat(policy.requestedCas()).singleElement()
                .isEqualTo(FIXTURE.intermediate().cert());
        GatewayListener alt = listener(SNAPSHOT, new ObjectRef("Gateway", "a", "other"), "alt");
        assertThat(alt.clientCertificate().orElseThrow().refusesHandshake()).isFalse();
        assertThat(alt.clientCertificate().orElseThrow().requestedCas()).hasSize(1);
        assertThat(listener(SNAPSHOT, new ObjectRef("Gateway", "a", "other"), "http").frontendValidation()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            valid ConfigMap            | {kind: ConfigMap, name: client-ca}                 | true  | ResolvedRefs             | Accepted
            missing ConfigMap          | {kind: ConfigMap, name: nope}                      | false | InvalidCACertificateRef  | NoValidCACertificate
            ConfigMap without ca.crt   | {kind: ConfigMap, name: empty-ca}                  | false | InvalidCACertificateRef  | NoValidCACertificate
            ca.crt not a certificate   | {kind: ConfigMap, name: garbage-ca}                | false | InvalidCACertificateRef  | NoValidCACertificate
            a Pod                      | {kind: Pod, name: client-ca}                       | false | InvalidCACertificateKind | NoValidCACertificate
            another namespace          | {kind: ConfigMap, name: client-ca, namespace: pki} | false | RefNotPermitted          | NoValidCACertificate
            another namespace, granted | {kind: ConfigMap, name: granted-ca, namespace: pki} | true | ResolvedRefs             | Accepted
            a CA Secret                | {kind: Secret, name: ca-secret}                    | true  | ResolvedRefs             | Accepted
            """)
    void caReferencesGiveTheListenerConditionsOfTheSpec(String what, String caRef, boolean programmed,
                                                        String resolvedRefs, String accepted) {
        Fixture f = fixture(GatewayTlsLintFixtures.frontend(caRef, ""), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: empty-ca, namespace: a}
                data: {other: x}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: garbage-ca, namespace: a}
                data: {ca.crt: not a certificate}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: ReferenceGrant
                metadata: {name: gateways, namespace: pki}
                spec:
                  from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: a}]
                  to: [{group: "", kind: ConfigMap, name: granted-ca}]
                """).caSecret("a", "ca-secret", false);
        f.yaml(GatewayTlsLintFixtures.caConfigMap(f, "pki", "client-ca"))
                .yaml(GatewayTlsLintFixtures.caConfigMap(f, "pki", "granted-ca"));
        GatewayListener https = listener(f.engine().snapshot(), GW, "https");
        assertThat(https.condition(Condition.RESOLVED_REFS).orElseThrow().reason()).isEqualTo(resolvedRefs);
        assertThat(https.condition(Condition.ACCEPTED).orElseThrow().reason()).isEqualTo(accepted);
        assertThat(https.programmed()).isEqualTo(programmed);
        Explanation e = f.engine().explain(Fixture.request("https://shop.example.com/")
                .withClientCertificate(presented("trusted")));
        assertThat(e.decision().status()).as(e.decision().summary()).isEqualTo(programmed ? 200 : 404);
    }

    @Test
    void backendsBehindABackendTlsPolicyGetTheGatewaysClientCertificate() {
        Explanation secure = SNAPSHOT.explain(Fixture.request("https://shop.example.com/secure")
                .withClientCertificate(presented("trusted")));
        Upstream up = secure.carriage().upstream();
        assertThat(up.clientCertificate()).get().satisfies(c -> {
            assertThat(c.secret().path()).isEqualTo("a/gw-client");
            assertThat(c.readable()).isTrue();
        });
        assertThat(up.mutual()).isTrue();
        assertThat(secure.leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow().protection())
                .isEqualTo(Leg.Protection.MUTUAL_TLS);
        assertThat(secure.trace()).anyMatch(s -> s.reason().contains("presents Secret a/gw-client"));
        Explanation plain = SNAPSHOT.explain(Fixture.request("https://shop.example.com/")
                .withClientCertificate(presented("trusted")));
        assertThat(plain.carriage().upstream().clientCertificate()).isEmpty();
        Explanation otherGateway = SNAPSHOT.explain(Fixture.request("https://alt.example.com:8443/secure"));
        assertThat(otherGateway.carriage().upstream().clientCertificate()).isEmpty();
        GatewayState gw = SNAPSHOT.gateways().gateway(new ObjectRef("Gateway", "a", "other")).orElseThrow();
        assertThat(gw.condition(Condition.RESOLVED_REFS)).isEmpty();
        assertThat(SNAPSHOT.gateways().gateway(GW).orElseThrow().condition(Condition.RESOLVED_REFS).orElseThrow()
                .status()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing Secret     | {name: nope}                    | InvalidClientCertificateRef
            another namespace  | {name: gw-client, namespace: pki} | RefNotPermitted
            not a Secret       | {kind: ConfigMap, name: gw-client} | InvalidClientCertificateRef
            """)
    void anUnusableBackendClientCertificateIsNotPresented(String what, String ref, String reason) {
        Fixture f = withClientSecret(fixture("backend: {clientCertificateRef: " + ref + "}", ""))
                .tlsSecret("pki", "gw-client", "gateway.example.com");
        RoutingSnapshot snapshot = f.engine().snapshot();
        Condition refs = snapshot.gateways().gateway(GW).orElseThrow().condition(Condition.RESOLVED_REFS).orElseThrow();
        assertThat(refs.status()).isFalse();
        assertThat(refs.reason()).isEqualTo(reason);
        Explanation e = snapshot.explain(Fixture.request("https://shop.example.com/secure"));
        assertThat(e.decision().status()).as(e.decision().summary()).isEqualTo(200);
        assertThat(e.carriage().upstream().tls()).isTrue();
        assertThat(e.carriage().upstream().clientCertificate()).isEmpty();
    }

    private static GatewayListener listener(RoutingSnapshot snapshot, ObjectRef gateway, String name) {
        return snapshot.gateways().listener(new ListenerKey(gateway, name)).orElseThrow();
    }
}
