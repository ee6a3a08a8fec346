package dev.gatehouse.cli;

import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.ChainAnalysis;
import dev.gatehouse.tls.MaterialAnalysis;
import dev.gatehouse.tls.MaterialProblem;
import dev.gatehouse.tls.ParsedMaterial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a certificate analysis ({@code cert inspect}) as text for people or JSON for machines. */
final class InspectRenderer {

    private InspectRenderer() {
    }

    static String text(List<ParsedMaterial> files, MaterialAnalysis a) {
        StringBuilder out = new StringBuilder("Read: ");
        out.append(String.join(", ", files.stream().map(InspectRenderer::fileLine).toList())).append("\n\n");
        List<CertificateInfo> certs = a.chain().certificates();
        for (int i = 0; i < certs.size(); i++) {
            CertificateInfo c = certs.get(i);
            out.append("Certificate ").append(i + 1).append(i == a.chain().leafIndex() ? " (leaf)" : c.ca() ? " (CA)" : "")
                    .append(": ").append(c.displayName()).append('\n');
            line(out, "Subject", c.subject());
            line(out, "Issuer", c.issuer());
            List<String> names = new ArrayList<>(c.dnsNames());
            names.addAll(c.ipAddresses());
            line(out, "SANs", names.isEmpty() ? "(none)" : names.size() > 20
                    ? String.join(", ", names.subList(0, 20)) + " … (" + names.size() + " in all)" : String.join(", ", names));
            line(out, "Valid", day(c.notBefore().toString()) + " to " + day(c.notAfter().toString()) + " ("
                    + validity(c) + ")");
            line(out, "Key", c.key() + " · signature " + c.signatureAlgorithm());
            line(out, "Serial", c.serialHex());
            line(out, "SHA-256", c.sha256Fingerprint());
            line(out, "Use", (c.ca() ? "CA" : "not a CA") + " · TLS server: " + switch (c.serverAuth()) {
                case LISTED -> "yes";
                case UNRESTRICTED -> "yes (no extended key usage)";
                case MISSING -> "no";
            } + (c.selfSigned() ? " · self-signed" : ""));
        }
        if (!certs.isEmpty()) {
            out.append('\n').append("Chain: ").append(order(a.chain())).append(" · ").append(completeness(a.chain()))
                    .append('\n');
            out.append("Key: ").append(keyMatch(a)).append('\n');
        }
        out.append('\n');
        List<MaterialProblem> shown = a.problems().stream()
                .sorted(java.util.Comparator.comparing(MaterialProblem::level)).toList();
        if (shown.isEmpty()) {
            out.append("No problems found.\n");
            return out.toString();
        }
        out.append("Problems:\n");
        for (MaterialProblem p : shown) {
            out.append(String.format(Locale.ROOT, "  %-8s %s%n", label(p.level()), p.message()));
        }
        out.append(summary(a)).append('\n');
        return out.toString();
    }

    static String json(List<ParsedMaterial> files, MaterialAnalysis a) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", files.stream().map(f -> Map.of("name", f.source(), "certificates", f.certificates().size(),
                "keys", f.keys().size())).toList());
        List<Map<String, Object>> certs = new ArrayList<>();
        List<CertificateInfo> infos = a.chain().certificates();
        for (int i = 0; i < infos.size(); i++) {
            CertificateInfo c = infos.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", i + 1);
            m.put("leaf", i == a.chain().leafIndex());
            m.put("subject", c.subject());
            m.put("issuer", c.issuer());
            m.put("dnsNames", c.dnsNames());
            m.put("ipAddresses", c.ipAddresses());
            m.put("notBefore", c.notBefore().toString());
            m.put("notAfter", c.notAfter().toString());
            m.put("daysLeft", c.daysLeft());
            m.put("expiry", c.expiry().name());
            m.put("key", c.key().toString());
            m.put("signatureAlgorithm", c.signatureAlgorithm());
            m.put("serial", c.serialHex());
            m.put("sha256", c.sha256Fingerprint());
            m.put("ca", c.ca());
            m.put("serverAuth", c.serverAuth().name());
            m.put("selfSigned", c.selfSigned());
            certs.add(m);
        }
        root.put("certificates", certs);
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("order", a.chain().order().name());
        chain.put("suggestedOrder", a.chain().suggestedOrder().stream().map(i -> i + 1).toList());
        chain.put("completeness", a.chain().completeness().name());
        chain.put("trustedBy", a.chain().trustedBy().orElse(null));
        chain.put("keyMatch", a.chain().keyMatch().name());
        root.put("chain", chain);
        root.put("problems", a.problems().stream().map(p -> Map.of("level", label(p.level()), "kind", p.kind().name(),
                "message", p.message())).toList());
        root.put("summary", Map.of("errors", count(a, MaterialProblem.Level.ERROR),
                "warnings", count(a, MaterialProblem.Level.WARNING), "infos", count(a, MaterialProblem.Level.INFO)));
        return JsonText.write(root);
    }

    private static String fileLine(ParsedMaterial f) {
        List<String> parts = new ArrayList<>();
        if (!f.certificates().isEmpty()) {
            parts.add(f.certificates().size() + (f.certificates().size() == 1 ? " certificate" : " certificates"));
        }
        if (!f.keys().isEmpty()) {
            parts.add(f.keys().size() + (f.keys().size() == 1 ? " private key" : " private keys"));
        }
        return f.source() + " (" + (parts.isEmpty() ? "nothing readable" : String.join(", ", parts)) + ")";
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-9s %s%n", label + ":", value));
    }

    private static String day(String instant) {
        return instant.length() >= 10 ? instant.substring(0, 10) : instant;
    }

    private static String validity(CertificateInfo c) {
        long d = c.daysLeft();
        return switch (c.expiry()) {
            case EXPIRED -> d == 0 ? "expired today" : "expired " + -d + (d == -1 ? " day" : " days") + " ago";
            case NOT_YET_VALID -> "not valid yet";
            default -> d == 0 ? "expires today" : "expires in " + d + (d == 1 ? " day" : " days");
        };
    }

    private static String order(ChainAnalysis c) {
        return switch (c.order()) {
            case ORDERED -> "leaf first, each followed by its issuer";
            case LEAF_NOT_FIRST -> "the leaf is not first";
            case INTERMEDIATES_OUT_OF_ORDER -> "intermediates out of order";
            case UNRELATED_CERTIFICATES -> "holds certificates outside the chain";
            case EMPTY -> "empty";
        };
    }

    private static String completeness(ChainAnalysis c) {
        String trust = c.trustedBy().map(t -> "trusted: leads to " + t).orElse("not trusted here");
        return switch (c.completeness()) {
            case COMPLETE -> "complete, " + trust;
            case COMPLETE_WITH_ROOT -> "complete with its root, " + trust;
            case ROOT_NOT_TRUSTED -> "ends at an intermediate whose root is not trusted here";
            case INCOMPLETE -> "intermediates missing";
            case UNKNOWN -> "unknown";
        };
    }

    private static String keyMatch(MaterialAnalysis a) {
        return switch (a.chain().keyMatch()) {
            case NO_KEY -> "none read";
            case MATCHES_LEAF -> "belongs to the leaf (" + a.key().map(k -> k.format()).orElse("?") + ")";
            case MATCHES_OTHER_CERTIFICATE -> "belongs to another certificate of the set, not the leaf";
            case MATCHES_NONE -> "belongs to none of the certificates";
        };
    }

    static String label(MaterialProblem.Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static long count(MaterialAnalysis a, MaterialProblem.Level level) {
        return a.problems().stream().filter(p -> p.level() == level).count();
    }

    private static String summary(MaterialAnalysis a) {
        long e = count(a, MaterialProblem.Level.ERROR);
        long w = count(a, MaterialProblem.Level.WARNING);
        long n = count(a, MaterialProblem.Level.INFO);
        return e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning, " : " warnings, ") + n
                + (n == 1 ? " note" : " notes");
    }
}
