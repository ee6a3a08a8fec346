package dev.gatehouse.demo;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Server-side printing, the part of a real API server that gives {@code kubectl get} its columns:
 * kubectl asks for a {@code meta.k8s.io/v1 Table}; the CRUD mock only has lists, which kubectl
 * shows as NAME and AGE alone. Covers Ingresses (CLASS, HOSTS, ADDRESS, PORTS) and Secrets (TYPE,
 * DATA) like kube-apiserver's printers, and the Gateway API kinds with their CRDs' printer columns
 * (GatewayClass CONTROLLER, ACCEPTED; Gateway CLASS, ADDRESS, PROGRAMMED; HTTPRoute and GRPCRoute
 * HOSTNAMES); other kinds keep the plain answer (NAME, AGE).
 */
final class KubectlTables {

    private final KubernetesSerialization serialization;
    private final Clock clock;
    private final Map<String, Printer> printers = Map.of(
            "Ingress", new Printer(List.of("Class", "Hosts", "Address", "Ports"), KubectlTables::ingressCells),
            "Secret", new Printer(List.of("Type", "Data"), KubectlTables::secretCells),
            "GatewayClass", new Printer(List.of("Controller", "Accepted"), GatewayApiCells::gatewayClass),
            "Gateway", new Printer(List.of("Class", "Address", "Programmed"), GatewayApiCells::gateway),
            "HTTPRoute", new Printer(List.of("Hostnames"), GatewayApiCells::route),
            "GRPCRoute", new Printer(List.of("Hostnames"), GatewayApiCells::route));

    private record Printer(List<String> columns, Function<Map<?, ?>, List<Object>> cells) {
    }

    KubectlTables(KubernetesSerialization serialization, Clock clock) {
        this.serialization = serialization;
        this.clock = clock;
    }

    /** True when the Accept header asks for a Table (kubectl get does). */
    static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table") && accept.contains("g=meta.k8s.io");
    }

    /** The Table for a list or single object of a printed kind; empty for anything else. */
    Optional<String> toTable(String json) {
        Map<?, ?> body;
        try {
            body = serialization.unmarshal(json, Map.class);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
        if (body == null || !(body.get("kind") instanceof String kind)) {
            return Optional.empty();
        }
        boolean list = kind.endsWith("List");
        List<Map<?, ?>> items = new ArrayList<>();
        if (list) {
            list(body.get("items")).stream().filter(Map.class::isInstance).forEach(e -> items.add((Map<?, ?>) e));
        } else {
            items.add(body);
        }
        // The CRUD mock answers lists as kind "List"; the items tell what they are.
        String itemKind = list && !items.isEmpty() ? String.valueOf(items.get(0).get("kind"))
                : list ? kind.substring(0, kind.length() - "List".length()) : kind;
        Printer printer = printers.get(itemKind);
        if (printer == null || items.stream().anyMatch(i -> !itemKind.equals(i.get("kind")))) {
            return Optional.empty();
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        table.put("metadata", body.get("metadata") == null ? Map.of() : body.get("metadata"));
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(column("Name", "name"));
        printer.columns().forEach(c -> columns.add(column(c, "")));
        columns.add(column("Age", ""));
        table.put("columnDefinitions", columns);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<?, ?> item : items) {
            Map<?, ?> metadata = map(item.get("metadata"));
            List<Object> cells = new ArrayList<>();
            cells.add(String.valueOf(metadata.get("name")));
            cells.addAll(printer.cells().apply(item));
            cells.add(age(metadata.get("creationTimestamp")));
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("kind", "PartialObjectMetadata");
            object.put("apiVersion", "meta.k8s.io/v1");
            object.put("metadata", metadata);
            rows.add(Map.of("cells", cells, "object", object));
        }
        table.put("rows", rows);
        return Optional.of(serialization.asJson(table));
    }

    private static List<Object> ingressCells(Map<?, ?> ingress) {
        Map<?, ?> spec = map(ingress.get("spec"));
        List<String> hosts = new ArrayList<>();
        list(spec.get("rules")).forEach(rule -> {
            Object host = map(rule).get("host");
            if (host != null && !hosts.contains(String.valueOf(host))) {
                hosts.add(String.valueOf(host));
            }
        });
        String hostText = hosts.isEmpty() ? "*"
                : String.join(",", hosts.subList(0, Math.min(3, hosts.size())))
                + (hosts.size() > 3 ? " + " + (hosts.size() - 3) + " more..." : "");
        List<String> addresses = new ArrayList<>();
        list(map(map(map(ingress.get("status")).get("loadBalancer"))).get("ingress")).forEach(lb -> {
            Map<?, ?> entry = map(lb);
            Object address = entry.get("ip") != null ? entry.get("ip") : entry.get("hostname");
            if (address != null) {
                addresses.add(String.valueOf(address));
            }
        });
        Object ingressClass = spec.get("ingressClassName");
        return List.of(ingressClass == null ? "<none>" : String.valueOf(ingressClass), hostText,
                String.join(",", addresses), list(spec.get("tls")).isEmpty() ? "80" : "80, 443");
    }

    private static List<Object> secretCells(Map<?, ?> secret) {
        Object type = secret.get("type");
        int data = map(secret.get("data")).size() + map(secret.get("stringData")).size();
        return List.of(type == null ? "Opaque" : String.valueOf(type), data);
    }

    private String age(Object creationTimestamp) {
        if (creationTimestamp == null) {
            return "<unknown>";
        }
        try {
            return humanDuration(Duration.between(Instant.parse(String.valueOf(creationTimestamp)), clock.instant()));
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
    }

    /** kubectl's duration.HumanDuration: "45s", "3m20s", "5h", "2d3h", "400d", "2y30d". */
    static String humanDuration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? (hours / 24) + "d" : (hours / 24) + "d" + h + "h";
        }
        if (hours < 24 * 365 * 2) {
            return (hours / 24) + "d";
        }
        if (hours < 24 * 365 * 8) {
            long d = (hours / 24) % 365;
            return d == 0 ? (hours / 24 / 365) + "y" : (hours / 24 / 365) + "y" + d + "d";
        }
        return (hours / 24 / 365) + "y";
    }

    private static Map<String, Object> column(String name, String format) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("type", "Data".equals(name) ? "integer" : "string");
        column.put("format", format);
        column.put("description", "");
        column.put("priority", 0);
        return column;
    }

    static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
