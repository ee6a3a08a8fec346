package dev.gatehouse.ui.proxy;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.SecretSummary;
import dev.gatehouse.tls.ParsedMaterial;
import dev.gatehouse.tls.PemReader;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Client certificates the tester can present: TLS Secrets of the session whose leaf allows clientAuth. */
final class ClientCertificates {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private ClientCertificates() {
    }

    static List<ClientCertificateChoice> from(ClusterSession session) {
        List<ClientCertificateChoice> out = new ArrayList<>();
        PemReader pem = new PemReader();
        for (SecretSummary s : session.secrets().list()) {
            if (s.tlsCrt().isEmpty() || s.tlsKey().isEmpty()) {
                continue;
            }
            ParsedMaterial crt = pem.read(s.tlsCrt().get(), "tls.crt");
            ParsedMaterial key = pem.read(s.tlsKey().get(), "tls.key");
            if (crt.chain().isEmpty() || key.firstKey().isEmpty() || !clientAuth(crt.chain().get(0))) {
                continue;
            }
            X509Certificate leaf = crt.chain().get(0);
            out.add(new ClientCertificateChoice(s.namespace() + "/" + s.name() + " ("
                    + leaf.getSubjectX500Principal().getName() + ")", key.firstKey().get().privateKey(), crt.chain()));
        }
        out.sort(Comparator.comparing(ClientCertificateChoice::label));
        return out;
    }

    private static boolean clientAuth(X509Certificate c) {
        try {
            return c.getExtendedKeyUsage() != null && c.getExtendedKeyUsage().contains(CLIENT_AUTH);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
