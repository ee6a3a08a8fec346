package dev.gatehouse.cluster.write;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks cert-manager to reissue a Certificate now, exactly as {@code cmctl renew} does: it sets the
 * condition {@code Issuing=True} (reason {@code ManuallyTriggered}) in the Certificate's status, through
 * the status subresource, conditioned on the resourceVersion read. cert-manager's issuing controller then
 * issues a new certificate into the Secret. Gatehouse never writes such a Secret itself.
 */
public final class CertManagerRenewal {

    /** What asking for the renewal came to; each with a plain message. */
    public sealed interface Result {
        String message();
    }

    /** cert-manager was asked to reissue. */
    public record Triggered(String message) implements Result {
    }

    /** The Certificate is already being (re)issued; nothing was changed. */
    public record AlreadyIssuing(String message) implements Result {
    }

    /** The cluster does not serve cert-manager's Certificate API (the CRD is absent). */
    public record NotInstalled(String message) implements Result {
    }

    /** The Certificate named by the Secret does not exist. */
    public record CertificateMissing(String message) implements Result {
    }

    /** The API server refused (403, 409, …): nothing was changed. */
    public record Refused(int status, String message) implements Result {
    }

    static final ResourceDefinitionContext CERTIFICATES = new ResourceDefinitionContext.Builder()
            .withGroup("cert-manager.io").withVersion("v1").withKind("Certificate").withPlural("certificates")
            .withNamespaced(true).build();
    static final String REASON = "ManuallyTriggered";
    static final String MESSAGE = "Certificate re-issuance manually triggered";
    private static final Logger LOG = LoggerFactory.getLogger(CertManagerRenewal.class);

    private final KubernetesClient client;
    private final Clock clock;

    public CertManagerRenewal(KubernetesClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Triggers reissuance of Certificate {@code namespace/name}. Never throws for API errors. */
    public Result renew(String namespace, String name) {
        String what = "Certificate " + namespace + "/" + name;
        GenericKubernetesResource certificate;
        try {
            certificate = client.genericKubernetesResources(CERTIFICATES).inNamespace(namespace).withName(name).get();
            if (certificate == null) {
                client.genericKubernetesResources(CERTIFICATES).inNamespace(namespace).list();
                return new CertificateMissing(what + " does not exist, although its Secret names it; cert-manager"
                        + " cannot renew it (was the Certificate deleted?)");
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return new NotInstalled("This cluster does not serve cert-manager's Certificate API"
                        + " (cert-manager.io/v1): cert-manager is not installed, so nothing can renew " + what);
            }
            return refused(what, e);
        }
        List<Map<String, Object>> conditions = conditions(certificate);
        for (Map<String, Object> c : conditions) {
            if ("Issuing".equals(c.get("type")) && "True".equals(String.valueOf(c.get("status")))) {
                return new AlreadyIssuing(what + " is already being reissued by cert-manager");
            }
        }
        conditions.removeIf(c -> "Issuing".equals(c.get("type")));
        Map<String, Object> issuing = new LinkedHashMap<>();
        issuing.put("type", "Issuing");
        issuing.put("status", "True");
        issuing.put("reason", REASON);
        issuing.put("message", MESSAGE);
        issuing.put("lastTransitionTime", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        if (certificate.getMetadata().getGeneration() != null) {
            issuing.put("observedGeneration", certificate.getMetadata().getGeneration());
        }
        conditions.add(issuing);
        Map<String, Object> status = new LinkedHashMap<>(certificate.get("status") instanceof Map<?, ?> m
                ? castMap(m) : Map.of());
        status.put("conditions", conditions);
        certificate.setAdditionalProperty("status", status);
        try {
            client.genericKubernetesResources(CERTIFICATES).inNamespace(namespace).resource(certificate).updateStatus();
        } catch (KubernetesClientException e) {
            return refused(what, e);
        }
        LOG.info("Triggered reissuance of {}", what);
        return new Triggered("cert-manager was asked to reissue " + what + " (as cmctl renew does); the new"
                + " certificate appears in its Secret once the issuer has signed it");
    }

    private static List<Map<String, Object>> conditions(GenericKubernetesResource certificate) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (certificate.get("status") instanceof Map<?, ?> status && status.get("conditions") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add(new LinkedHashMap<>(castMap(m)));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static Result refused(String what, KubernetesClientException e) {
        return switch (e.getCode()) {
            case 403 -> new Refused(403, "No permission to update the status of " + what + " (renewing needs"
                    + " update on certificates/status)");
            case 409 -> new Refused(409, what + " changed in the cluster meanwhile; nothing was changed — try again");
            case 0 -> new Refused(0, "Could not reach the API server to renew " + what);
            default -> new Refused(e.getCode(), "The API server refused to renew " + what + " (" + e.getCode() + ")");
        };
    }
}
