package dev.gatehouse.routing.gateway;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code allowedRoutes.namespaces} of a listener (and {@code allowedListeners.namespaces} of a Gateway): which
 * namespaces may attach.
 *
 * @param from     Same (the default), All, Selector, or None
 * @param selector the label selector for {@code Selector}
 */
public record RouteNamespaces(From from, Optional<LabelSelector> selector) {

    /** {@code namespaces.from}. */
    public enum From { SAME, ALL, SELECTOR, NONE }

    public static final RouteNamespaces SAME = new RouteNamespaces(From.SAME, Optional.empty());

    /** Reads {@code from} as written; unknown values allow nothing. */
    public static RouteNamespaces of(String from, LabelSelector selector, From fallback) {
        From f = from == null || from.isEmpty() ? fallback : switch (from) {
            case "Same" -> From.SAME;
            case "All" -> From.ALL;
            case "Selector" -> From.SELECTOR;
            default -> From.NONE;
        };
        return new RouteNamespaces(f, Optional.ofNullable(selector));
    }

    /**
     * Whether an object in {@code namespace} may attach to one in {@code ownNamespace}.
     *
     * @param namespaces looks a Namespace up for its labels (empty when the input does not hold it)
     */
    public boolean admits(String namespace, String ownNamespace, Function<String, Optional<Namespace>> namespaces) {
        return switch (from) {
            case SAME -> namespace.equals(ownNamespace);
            case ALL -> true;
            case NONE -> false;
            case SELECTOR -> selector.map(s -> matches(s, labels(namespace, namespaces))).orElse(false);
        };
    }

    /** {@code Same}, {@code All}, {@code Selector}, {@code None}. */
    public String display() {
        return switch (from) {
            case SAME -> "Same";
            case ALL -> "All";
            case SELECTOR -> "Selector";
            case NONE -> "None";
        };
    }

    private static Map<String, String> labels(String namespace, Function<String, Optional<Namespace>> namespaces) {
        Map<String, String> labels = namespaces.apply(namespace).map(n -> n.getMetadata() == null ? null
                : n.getMetadata().getLabels()).orElse(null);
        Map<String, String> out = new java.util.HashMap<>(labels == null ? Map.of() : labels);
        out.putIfAbsent("kubernetes.io/metadata.name", namespace);
        return out;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        List<LabelSelectorRequirement> exprs = selector.getMatchExpressions() == null ? List.of()
                : selector.getMatchExpressions();
        for (LabelSelectorRequirement r : exprs) {
            List<String> values = r.getValues() == null ? List.of() : r.getValues();
            String v = labels.get(r.getKey());
            boolean ok = switch (r.getOperator() == null ? "" : r.getOperator()) {
                case "In" -> v != null && values.contains(v);
                case "NotIn" -> v == null || !values.contains(v);
                case "Exists" -> v != null;
                case "DoesNotExist" -> v == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
