package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.Carriage;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.routing.route.UpstreamProtocol;
import org.junit.jupiter.api.Test;

/**
 * The engine decides once how a request is carried (protocol and TLS to the backend, the CA and name
 * checked, the client certificate sent, HSTS on the response); the controller → Service leg is read
 * from that answer.
 */
class CarriageTest {

    private static String ingress(String annotations) {
        return """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: api
                  namespace: shop
                  annotations: {%s}
                spec:
                  ingressClassName: nginx
                  tls:
                  - hosts: [shop.example.com]
                    secretName: shop-tls
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend: {service: {name: app, port: {number: 443}}}
                """.formatted(annotations);
    }

    private static final String VERIFY = "nginx.ingress.kubernetes.io/backend-protocol: HTTPS,"
            + " nginx.ingress.kubernetes.io/proxy-ssl-verify: \"on\","
            + " nginx.ingress.kubernetes.io/proxy-ssl-secret: shop/backend-ca";

    private static Fixture fixture(String annotations) {
        return new Fixture().yaml(ingress(annotations)).tlsSecret("shop", "shop-tls", "shop.example.com")
                .service("shop", "app", 443, 1);
    }

    @Test
    void withoutAnnotationsTheBackendGetsPlainHttpAndTheHttpsResponseHsts() {
        Explanation e = fixture("").explain("https://shop.example.com/");

        Carriage carriage = e.carriage();
        assertThat(carriage.upstream().protocol()).isEqualTo(UpstreamProtocol.HTTP);
        assertThat(carriage.upstream().tls()).isFalse();
        assertThat(carriage.hsts()).contains("max-age=31536000; includeSubDomains");
        assertThat(e.leg(Leg.Kind.CONTROLLER_TO_SERVICE)).get().extracting(Leg::protection)
                .isEqualTo(Leg.Protection.PLAIN);
    }

    @Test
    void hstsIsOnlyOnHttpsResponsesAndFollowsTheControllersSetting() {
        assertThat(fixture("").explain("http://shop.example.com/").carriage().hsts()).isEmpty();
        ControllerProfile off = ControllerProfile.ingressNginx();
        off = new ControllerProfile(off.className(), off.controllerName(), false, false, false);
        assertThat(fixture("").profile(off).explain("https://shop.example.com/").carriage().hsts()).isEmpty();
    }

    @Test
    void grpcAndFastCgiAreCleartextProtocols() {
        Explanation grpc = fixture("nginx.ingress.kubernetes.io/backend-protocol: GRPC")
                .explain("https://shop.example.com/");
        assertThat(grpc.carriage().upstream().protocol()).isEqualTo(UpstreamProtocol.GRPC);
        assertThat(grpc.leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow().detail())
                .contains("gRPC over cleartext HTTP/2");
        Explanation grpcs = fixture("nginx.ingress.kubernetes.io/backend-protocol: grpcs")
                .explain("https://shop.example.com/");
        assertThat(grpcs.carriage().upstream().protocol()).isEqualTo(UpstreamProtocol.GRPCS);
        assertThat(grpcs.carriage().upstream().verification()).isEqualTo(Upstream.Verification.OFF);
    }

    @Test
    void verifiedNamesTheCaSecretItsCertificatesAndTheServiceNameChecked() {
        Explanation e = fixture(VERIFY).caSecret("shop", "backend-ca", false).explain("https://shop.example.com/");

        Upstream up = e.carriage().upstream();
        assertThat(up.verification()).isEqualTo(Upstream.Verification.VERIFIED);
        assertThat(up.caSecret()).contains(ObjectRef.secret("shop", "backend-ca"));
        assertThat(up.caCertificates()).hasSize(1);
        assertThat(up.serverName()).contains("app.shop.svc");
        assertThat(up.clientCertificate()).isEmpty();
        assertThat(e.leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow().detail())
                .contains("verified with ca.crt of Secret shop/backend-ca");
    }

    @Test
    void aClientCertificateInTheSecretIsSentAndKeptOutOfToString() {
        Explanation e = fixture(VERIFY + ", nginx.ingress.kubernetes.io/proxy-ssl-name: backend.internal")
                .caSecret("shop", "backend-ca", true).explain("https://shop.example.com/");

        Upstream up = e.carriage().upstream();
        assertThat(up.mutual()).isTrue();
        assertThat(up.serverName()).contains("backend.internal");
        assertThat(up.clientCertificate().orElseThrow().readable()).isTrue();
        assertThat(e.leg(Leg.Kind.CONTROLLER_TO_SERVICE)).get().extracting(Leg::protection)
                .isEqualTo(Leg.Protection.MUTUAL_TLS);
        String text = up.toString() + e.carriage();
        assertThat(text).contains("shop/backend-ca").doesNotContain("PRIVATE", "modulus", "BEGIN");
    }

    @Test
    void verifyWithoutAUsableCaIsNotVerified() {
        Explanation e = fixture(VERIFY).secret("shop", "backend-ca", "Opaque", java.util.Map.of("ca.crt", "garbage"))
                .explain("https://shop.example.com/");

        assertThat(e.carriage().upstream().verification()).isEqualTo(Upstream.Verification.CA_UNUSABLE);
        assertThat(e.leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow().detail())
                .contains("proxy-ssl-verify is on but proxy-ssl-secret has no usable ca.crt");
    }

    @Test
    void aCaSecretThatIsNotInTheInputIsVerifiedByTheControllerAndSaysSo() {
        Explanation e = fixture(VERIFY).scope(new ClusterView.Scope(false, true, true))
                .explain("https://shop.example.com/");

        Upstream up = e.carriage().upstream();
        assertThat(up.verification()).isEqualTo(Upstream.Verification.CA_NOT_IN_INPUT);
        assertThat(up.verified()).isTrue();
        assertThat(up.caCertificates()).isEmpty();
        assertThat(e.leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow().detail()).contains("not in the input");
    }

    @Test
    void thePathViewsLaneLegIsTheExplainedRequestsLeg() {
        Fixture f = fixture(VERIFY).caSecret("shop", "backend-ca", true);
        RoutingSnapshot snapshot = f.engine().snapshot();
        var rule = snapshot.model().routes().lookup("shop.example.com").host().rules().get(0);

        Leg lane = snapshot.backendLegs(rule).get(0);
        Leg request = snapshot.explain(Fixture.request("https://shop.example.com/"))
                .leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow();
        assertThat(lane).isEqualTo(request);
        assertThat(rule.upstream()).contains(snapshot.explain(Fixture.request("https://shop.example.com/")).carriage().upstream());
    }
}
