package dev.gatehouse.probe;

import java.util.Optional;

/**
 * How a host was reached through a port-forward to a Pod of the controller's Service instead of the published
 * address.
 *
 * @param namespace the Pod's namespace
 * @param pod       the Pod
 * @param podPort   the Pod port forwarded to
 * @param service   the Service it was found through ({@code namespace/name}) and how, e.g. "Service edge/main-gateway
 *                  (its status.loadBalancer carries 203.0.113.10)"
 * @param because   why: the published address's failure ("203.0.113.10:443 timed out after 3 s"); empty when the
 *                  port-forward was asked for
 */
public record Forwarded(String namespace, String pod, int podPort, String service, Optional<String> because) {

    /** "via port-forward to ns/pod, pod port 443, because 203.0.113.10:443 timed out after 3 s". */
    public String describe() {
        return "via port-forward to " + namespace + "/" + pod + ", pod port " + podPort
                + because.map(b -> ", because " + b).orElse(" (asked for)");
    }
}
