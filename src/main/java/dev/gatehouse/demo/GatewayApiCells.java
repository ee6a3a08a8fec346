package dev.gatehouse.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.gatehouse.demo.KubectlTables.list;
import static dev.gatehouse.demo.KubectlTables.map;

/**
 * The cells of the Gateway API CRDs' {@code additionalPrinterColumns} (v1.5 standard channel), as
 * kube-apiserver prints them: a JSONPath that finds nothing is an empty cell, a list is shown as JSON.
 */
final class GatewayApiCells {

    private GatewayApiCells() {
    }

    /** CONTROLLER ({@code .spec.controllerName}), ACCEPTED (the Accepted condition's status). */
    static List<Object> gatewayClass(Map<?, ?> gatewayClass) {
        return List.of(text(map(gatewayClass.get("spec")).get("controllerName")), condition(gatewayClass, "Accepted"));
    }

    /** CLASS, ADDRESS ({@code .status.addresses[*].value}), PROGRAMMED. */
    static List<Object> gateway(Map<?, ?> gateway) {
        List<String> addresses = new ArrayList<>();
        list(map(gateway.get("status")).get("addresses")).forEach(a -> {
            Object value = map(a).get("value");
            if (value != null) {
                addresses.add(String.valueOf(value));
            }
        });
        return List.of(text(map(gateway.get("spec")).get("gatewayClassName")), String.join(" ", addresses),
                condition(gateway, "Programmed"));
    }

    /** HOSTNAMES ({@code .spec.hostnames}, a JSON list). */
    static List<Object> route(Map<?, ?> route) {
        List<?> hostnames = list(map(route.get("spec")).get("hostnames"));
        if (hostnames.isEmpty()) {
            return List.of("");
        }
        List<String> quoted = new ArrayList<>();
        hostnames.forEach(h -> quoted.add("\"" + h + "\""));
        return List.of("[" + String.join(",", quoted) + "]");
    }

    private static String condition(Map<?, ?> object, String type) {
        for (Object c : list(map(object.get("status")).get("conditions"))) {
            if (type.equals(map(c).get("type"))) {
                return text(map(c).get("status"));
            }
        }
        return "";
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
