package dev.gatehouse.routing.model;

/** The {@code pathType} of an Ingress path as the engine reads it. */
public enum PathKind {
    EXACT("Exact"),
    PREFIX("Prefix"),
    IMPLEMENTATION_SPECIFIC("ImplementationSpecific"),
    /** No pathType: rejected by the v1 API; matched like ImplementationSpecific here. */
    MISSING("no pathType"),
    /** An unknown value: rejected by the API; never matches. */
    UNKNOWN("unknown pathType");

    private final String label;

    PathKind(String label) {
        this.label = label;
    }

    public static PathKind of(String pathType) {
        if (pathType == null || pathType.isBlank()) {
            return MISSING;
        }
        return switch (pathType) {
            case "Exact" -> EXACT;
            case "Prefix" -> PREFIX;
            case "ImplementationSpecific" -> IMPLEMENTATION_SPECIFIC;
            default -> UNKNOWN;
        };
    }

    /** The name as written in YAML. */
    public String label() {
        return label;
    }
}
