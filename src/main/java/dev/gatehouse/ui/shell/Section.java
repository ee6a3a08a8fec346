package dev.gatehouse.ui.shell;

/** The screens of the left navigation, in order. */
public enum Section {
    OVERVIEW("Overview", "fth-home", "Counts per namespace, the soonest-expiring certificates and the problems found."),
    INGRESSES("Ingresses", "fth-globe", "Every Ingress of the cluster, live: hosts, TLS Secrets, rules and YAML."),
    CERTIFICATES("Certificates", "fth-shield", "Every TLS Secret: subject, SANs, issuer, expiry and who uses it."),
    PATH("Path", "fth-share-2", "The client → Ingress → Service → Pods path, and which legs are encrypted."),
    PROXY("Proxy", "fth-repeat", "A local TLS-terminating proxy that serves draft rules with the real certificates."),
    DRAFTS("Drafts", "fth-edit-3", "Local drafts of Ingress changes: try them, compare with live, apply safely."),
    FLEET("Fleet", "fth-layers", "Every TLS certificate of every context at once, the soonest to expire first.");

    private final String label;
    private final String iconLiteral;
    private final String purpose;

    Section(String label, String iconLiteral, String purpose) {
        this.label = label;
        this.iconLiteral = iconLiteral;
        this.purpose = purpose;
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
