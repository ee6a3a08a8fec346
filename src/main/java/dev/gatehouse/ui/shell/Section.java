package dev.gatehouse.ui.shell;

/**
 * The screens of the left navigation, in order. Each has its Ctrl+digit: the first seven kept the digits they
 * had before the Gateway API screens came (documented, and in users' fingers), which took the next free ones.
 */
public enum Section {
    OVERVIEW("Overview", "fth-home", 1, "Counts per namespace, the soonest-expiring certificates and the problems found."),
    INGRESSES("Ingresses", "fth-globe", 2, "Every Ingress of the cluster, live: hosts, TLS Secrets, rules and YAML."),
    GATEWAYS("Gateways", "fth-server", 8, "Every Gateway listener, live: protocol, port, hostname, certificate,"
            + " attached routes, and Gatehouse's verdict beside what the controller wrote."),
    HTTPROUTES("HTTPRoutes", "fth-git-branch", 9, "Every HTTPRoute (GRPCRoute, TLSRoute), live: parents and whether"
            + " they accept it, hostnames, rules, backends and YAML."),
    CERTIFICATES("Certificates", "fth-shield", 3, "Every TLS Secret: subject, SANs, issuer, expiry and who uses it."),
    PATH("Path", "fth-share-2", 4, "The client → Ingress → Service → Pods path, and which legs are encrypted."),
    PROXY("Proxy", "fth-repeat", 5, "A local TLS-terminating proxy that serves draft rules with the real certificates."),
    DRAFTS("Drafts", "fth-edit-3", 6, "Local drafts of Ingress changes: try them, compare with live, apply safely."),
    FLEET("Fleet", "fth-layers", 7, "Every TLS certificate of every context at once, the soonest to expire first."),
    MIGRATE("Migrate", "fth-shuffle", 0, "Ingress → Gateway API: generated objects, notes per annotation and the"
            + " behavioural diff of both worlds, request by request.");

    private final String label;
    private final String iconLiteral;
    private final int digit;
    private final String purpose;

    Section(String label, String iconLiteral, int digit, String purpose) {
        this.label = label;
        this.iconLiteral = iconLiteral;
        this.digit = digit;
        this.purpose = purpose;
    }

    /** The digit of its shortcut: Ctrl+{@code digit} (Cmd on macOS) shows the screen. */
    public int digit() {
        return digit;
    }

    public String label() {
        return label;
    }

    public String iconLiteral() {
        return iconLiteral;
    }

    /** One sentence on what the screen is for. */
    public String purpose() {
        return purpose;
    }

    /** The node id used by tests and keyboard focus: {@code nav-overview}, … */
    public String navId() {
        return "nav-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The id of the screen's root node: {@code screen-overview}, … */
    public String screenId() {
        return "screen-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
