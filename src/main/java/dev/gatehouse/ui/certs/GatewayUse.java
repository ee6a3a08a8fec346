package dev.gatehouse.ui.certs;

import dev.gatehouse.routing.gateway.CertificateRef;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.ListenerKey;
import dev.gatehouse.routing.route.HostPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Gateway listener that names a Secret in its {@code tls.certificateRefs} (the Secret may be in another
 * namespace than the Gateway).
 *
 * @param listener the listener (its Gateway, or the ListenerSet declaring it, and its name)
 * @param hostname the listener's hostname ("" when it takes any host)
 * @param usable   whether the listener may use it (false: RefNotPermitted or InvalidCertificateRef)
 */
public record GatewayUse(ListenerKey listener, String hostname, boolean usable) {

    /** For every Secret ({@code namespace/name}) a listener names, the listeners using it. */
    public static Map<String, List<GatewayUse>> index(GatewayModel model) {
        Map<String, List<GatewayUse>> out = new LinkedHashMap<>();
        for (GatewayListener l : model.listeners()) {
            for (CertificateRef c : l.certificates()) {
                if (!c.secret().kind().equals("Secret")) {
                    continue;
                }
                out.computeIfAbsent(c.secret().path(), k -> new ArrayList<>()).add(new GatewayUse(l.key(),
                        l.hostname().kind() == HostPattern.Kind.ANY ? "" : l.hostname().display(), c.usable()));
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    /** {@code Gateway edge/main, listener https}, with "(not permitted)" when it may not use the Secret. */
    public String display() {
        return listener + (usable ? "" : " (not permitted)");
    }
}
