package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.ChainAnalysis;
import dev.gatehouse.tls.ParsedMaterial;
import java.util.Optional;

/**
 * A Secret as a TLS controller reads it: {@code tls.crt} / {@code tls.key} (serving certificate) and
 * {@code ca.crt} (client or backend CA). No key material is kept beyond the parsed objects, and
 * {@link #toString()} shows none.
 *
 * @param ref            the Secret
 * @param presence       present, missing, or not in the input (YAML without Secrets)
 * @param type           its {@code type}
 * @param hasCertificate it has a non-empty {@code tls.crt}
 * @param hasKey         it has a non-empty {@code tls.key}
 * @param hasCa          it has a non-empty {@code ca.crt}
 * @param certificate    parsed {@code tls.crt}
 * @param key            parsed {@code tls.key}
 * @param ca             parsed {@code ca.crt}
 * @param chain          analysis of {@code tls.crt} with the key
 * @param unusable       why ingress-nginx cannot serve {@code tls.crt}/{@code tls.key}, if it cannot
 * @param managedBy      the cert-manager Certificate owning the Secret ({@code cert-manager.io/certificate-name})
 */
public record SecretState(ObjectRef ref, Presence presence, Optional<String> type, boolean hasCertificate,
                          boolean hasKey, boolean hasCa, Optional<ParsedMaterial> certificate,
                          Optional<ParsedMaterial> key, Optional<ParsedMaterial> ca,
                          Optional<ChainAnalysis> chain, Optional<String> unusable, Optional<String> managedBy) {

    /** Whether the Secret exists. */
    public enum Presence { PRESENT, MISSING, NOT_IN_INPUT }

    public static final String TLS_TYPE = "kubernetes.io/tls";
    public static final String CERT_MANAGER_ANNOTATION = "cert-manager.io/certificate-name";

    /** The certificate a server presents: the first of {@code tls.crt}. */
    public Optional<CertificateInfo> servedCertificate() {
        return chain.flatMap(ChainAnalysis::first);
    }

    /** ingress-nginx can serve this Secret (it exists, has a certificate and a matching key). */
    public boolean servable() {
        return presence == Presence.PRESENT && unusable.isEmpty();
    }

    @Override
    public String toString() {
        return "SecretState[" + ref + ", " + presence + unusable.map(u -> ", unusable: " + u).orElse("") + "]";
    }
}
