package dev.gatehouse.proxy.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.proxy.route.TlsProvider;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.routing.route.UpstreamClientCertificate;
import dev.gatehouse.routing.route.UpstreamProtocol;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/** The proxy's upstream TLS is the engine's {@link Upstream} answer, nothing decided again. */
class UpstreamTlsTest {

    private static final ObjectRef CA = ObjectRef.secret("shop", "backend-ca");

    private static Upstream upstream(Upstream.Verification verification, List<java.security.cert.X509Certificate> cas,
                                     Optional<UpstreamClientCertificate> client) {
        return new Upstream(UpstreamProtocol.HTTPS, verification, "test", Optional.of(CA), cas,
                Optional.of("app.shop.svc"), client);
    }

    @Test
    void cleartextProtocolsArePlain() {
        assertThat(UpstreamTls.of(Upstream.PLAIN_HTTP)).isEqualTo(UpstreamTls.PLAIN);
        assertThat(UpstreamTls.of(Upstream.plain(UpstreamProtocol.GRPC))).isEqualTo(UpstreamTls.PLAIN);
    }

    @Test
    void verifiedUsesTheCaTheNameAndTheClientCertificateOfTheAnswer() {
        CertificateBundle root = CertificateBuilder.create().subject("CN=Backend CA").ca(true).build();
        CertificateBundle client = CertificateBuilder.create().subject("CN=controller").clientAuth().issuedBy(root)
                .build();
        UpstreamClientCertificate sent = new UpstreamClientCertificate(CA, Optional.of(client.privateKey()),
                client.chain());
        UpstreamTls tls = UpstreamTls.of(upstream(Upstream.Verification.VERIFIED, List.of(root.certificate()),
                Optional.of(sent)));

        assertThat(tls.enabled()).isTrue();
        assertThat(tls.verify()).isTrue();
        assertThat(tls.trusted()).containsExactly(root.certificate());
        assertThat(tls.verifyName()).contains("app.shop.svc");
        assertThat(tls.clientKey()).contains(client.privateKey());
        assertThat(tls.describe()).isEqualTo("HTTPS, certificate verified for app.shop.svc");
        assertThat(tls.toString()).doesNotContain("PRIVATE", "modulus");
    }

    @Test
    void verificationOffOrWithoutAUsableCaReEncryptsWithoutVerifying() {
        assertThat(UpstreamTls.of(upstream(Upstream.Verification.OFF, List.of(), Optional.empty())).verify()).isFalse();
        UpstreamTls unusable = UpstreamTls.of(upstream(Upstream.Verification.CA_UNUSABLE, List.of(), Optional.empty()));
        assertThat(unusable.enabled()).isTrue();
        assertThat(unusable.verify()).isFalse();
    }

    @Test
    void aCaNotInTheInputFailsTheConnectionInsteadOfGoingOutUnverified() {
        UpstreamTls tls = UpstreamTls.of(upstream(Upstream.Verification.CA_NOT_IN_INPUT, List.of(), Optional.empty()));
        assertThat(tls.verify()).isTrue();

        UpstreamTlsContexts contexts = new UpstreamTlsContexts(TlsProvider.detect());
        assertThatThrownBy(() -> contexts.newHandler(tls, ByteBufAllocator.DEFAULT, "127.0.0.1", 8443,
                Duration.ofSeconds(1))).isInstanceOf(SSLException.class).hasMessageContaining("not in the input");
    }
}
