package dev.gatehouse.ui.certs;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.ExpiryBands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of the Certificates table: a TLS Secret (or a Secret an Ingress names for TLS, even a missing
 * one), its served certificate, who uses it, and the diagnostics about it. Immutable; rebuilt when the
 * Secret, the Ingresses or the diagnostics change.
 *
 * @param namespace   the Secret's namespace
 * @param name        the Secret's name
 * @param secret      the Secret and its analysis; empty when an Ingress names a Secret that does not exist
 * @param usedBy      Ingresses naming it in their TLS section
 * @param listeners   Gateway listeners naming it in their certificateRefs
 * @param diagnostics diagnostics about the Secret, and about its Ingresses' and listeners' use of it
 */
public record CertificateRow(String namespace, String name, Optional<SecretCertificate> secret, List<IngressUse> usedBy,
                             List<GatewayUse> listeners, List<Diagnostic> diagnostics) {

    private static final int SANS_SHOWN = 3;

    public CertificateRow {
        usedBy = List.copyOf(usedBy);
        listeners = List.copyOf(listeners);
        diagnostics = List.copyOf(diagnostics);
    }

    /** A row no Gateway listener uses. */
    public CertificateRow(String namespace, String name, Optional<SecretCertificate> secret, List<IngressUse> usedBy,
                          List<Diagnostic> diagnostics) {
        this(namespace, name, secret, usedBy, List.of(), diagnostics);
    }

    public String key() {
        return namespace + "/" + name;
    }

    public boolean missing() {
        return secret.isEmpty();
    }

    public Optional<CertificateInfo> leaf() {
        return secret.flatMap(SecretCertificate::served);
    }

    public String subject() {
        return leaf().map(l -> l.subjectCommonName().orElse(l.subject())).orElse("");
    }

    public String sans() {
        return leaf().map(l -> {
            List<String> names = new ArrayList<>(l.dnsNames());
            names.addAll(l.ipAddresses());
            return names.size() <= SANS_SHOWN ? String.join(", ", names)
                    : String.join(", ", names.subList(0, SANS_SHOWN)) + " +" + (names.size() - SANS_SHOWN) + " more";
        }).orElse("");
    }

    public String issuer() {
        return leaf().map(l -> l.issuerCommonName().orElse(l.issuer())).orElse("");
    }

    public Instant notAfter() {
        return leaf().map(CertificateInfo::notAfter).orElse(null);
    }

    /** Days left, for sorting (missing certificates sort first). */
    public long daysLeft() {
        return leaf().map(CertificateInfo::daysLeft).orElse(Long.MIN_VALUE);
    }

    /** The colour band of UI.md: ok beyond 30 days, warning within 30, error under 7 or expired. */
    public Status expiryStatus() {
        return leaf().map(l -> ExpiryBands.status(l.expiry())).orElse(missing() ? Status.ERROR : Status.UNKNOWN);
    }

    /** "expires in 5 days", "expired 12 days ago", "Secret missing", "no certificate". */
    public String expiryText() {
        if (missing()) {
            return "Secret missing";
        }
        return leaf().map(l -> ExpiryBands.text(l.daysLeft(), l.expiry())).orElse("no certificate");
    }

    /**
     * The Ingresses using it, by name (they are in the Secret's namespace), then the Gateway listeners:
     * {@code web; Gateway edge/main, listener https}.
     */
    public String usedByText() {
        List<String> parts = new ArrayList<>();
        if (!usedBy.isEmpty()) {
            parts.add(String.join(", ", usedBy.stream().map(u -> u.ingress().name()).toList()));
        }
        listeners.forEach(l -> parts.add(l.display()));
        return String.join("; ", parts);
    }

    /** Nobody names it: no Ingress TLS entry, no listener certificateRef. */
    public boolean unused() {
        return usedBy.isEmpty() && listeners.isEmpty();
    }

    /** The hosts it is served for: the Ingresses' TLS hosts, then the listeners' hostnames. */
    public List<String> hosts() {
        java.util.Set<String> hosts = new java.util.LinkedHashSet<>(IngressUse.hostsOf(usedBy));
        listeners.stream().map(GatewayUse::hostname).filter(h -> !h.isEmpty()).forEach(hosts::add);
        return List.copyOf(hosts);
    }

    public Optional<String> certManager() {
        return secret.flatMap(SecretCertificate::certManager);
    }

    public String type() {
        return secret.map(s -> s.summary().type()).orElse("");
    }

    /** Worst diagnostic as a status (notes count as OK). */
    public Status status() {
        Severity worst = null;
        for (Diagnostic d : diagnostics) {
            if (worst == null || d.severity().compareTo(worst) < 0) {
                worst = d.severity();
            }
        }
        return worst == null ? Status.OK : switch (worst) {
            case ERROR -> Status.ERROR;
            case WARNING -> Status.WARNING;
            case INFO -> Status.OK;
        };
    }

    /** Errors and warnings (notes are not problems). */
    public int problemCount() {
        return (int) diagnostics.stream().filter(d -> d.severity() != Severity.INFO).count();
    }

    /** True when any column contains the text (case-insensitive). */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.trim().toLowerCase(Locale.ROOT);
        String all = String.join("\n", namespace, name, subject(), leaf().map(l -> String.join(" ", l.dnsNames()))
                .orElse(""), issuer(), expiryText(), usedByText(), certManager().map(c -> "cert-manager " + c).orElse(""));
        return all.toLowerCase(Locale.ROOT).contains(f);
    }
}
