package dev.gatehouse.cluster.write;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Gatehouse changes a cluster (Ingresses and Gateway API objects from drafts, Secrets from the
 * certificate workflow; any kind through fabric8's generic {@code client.resource(object)}): show the diff, let the server validate (dry run), back the live object up, then write
 * conditioned on the resourceVersion the change was based on. A 409 never overwrites anything; it
 * comes back as a {@link WriteResult.Conflict} with the live object for a rebase. Every write can be
 * undone from its backup.
 */
public final class SafeWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SafeWriter.class);
    private final KubernetesClient client;
    private final BackupStore backups;
    private final Clock clock;

    public SafeWriter(KubernetesClient client, BackupStore backups, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.backups = Objects.requireNonNull(backups, "backups");
        this.clock = clock;
    }

    public BackupStore backups() {
        return backups;
    }

    /** The object as it is in the cluster now. */
    public Optional<HasMetadata> live(HasMetadata desired) {
        return Optional.ofNullable(client.resource(desired).get());
    }

    /** What the write would change, as a line diff of live vs desired (Secret values fingerprinted). */
    public List<YamlDiff.Line> diff(HasMetadata desired) {
        return YamlDiff.diff(live(desired).map(ObjectYaml::forDiff).orElse(""), ObjectYaml.forDiff(desired));
    }

    /** Server-side validation (admission webhooks included) without storing anything. */
    public WriteResult dryRun(HasMetadata desired, Optional<String> baseResourceVersion) {
        try {
            HasMetadata copy = withVersion(desired, baseResourceVersion);
            if (baseResourceVersion.isEmpty()) {
                client.resource(copy).dryRun().create();
            } else {
                client.resource(copy).dryRun().update();
            }
            return new WriteResult.Validated("The API server accepts " + describe(desired) + " (dry run)");
        } catch (KubernetesClientException e) {
            return refused(desired, e);
        }
    }

    /**
     * Writes {@code desired}: creates it when {@code baseResourceVersion} is empty (and it does not
     * exist), else updates it only if the live resourceVersion still equals the base.
     */
    public WriteResult apply(HasMetadata desired, Optional<String> baseResourceVersion, String reason) {
        Optional<HasMetadata> live;
        try {
            live = live(desired);
        } catch (KubernetesClientException e) {
            return refused(desired, e);
        }
        if (baseResourceVersion.isEmpty() && live.isPresent()) {
            return new WriteResult.Conflict(live, describe(desired) + " already exists in the cluster: open it as a draft "
                    + "and compare before replacing it");
        }
        if (baseResourceVersion.isPresent()) {
            if (live.isEmpty()) {
                return new WriteResult.Conflict(live, describe(desired) + " was deleted from the cluster since the change was based on it");
            }
            if (!baseResourceVersion.get().equals(live.get().getMetadata().getResourceVersion())) {
                return new WriteResult.Conflict(live, describe(desired) + " changed in the cluster since the change was based on it "
                        + "(resourceVersion " + baseResourceVersion.get() + " → " + live.get().getMetadata().getResourceVersion() + ")");
            }
        }
        Backup backup;
        try {
            backup = backups.save(desired.getKind(), desired.getMetadata().getNamespace(), desired.getMetadata().getName(),
                    live.map(ObjectYaml::full), reason, clock.instant());
        } catch (IOException e) {
            return new WriteResult.Rejected(0, "Nothing was written: the backup could not be saved (" + e.getMessage() + ")");
        }
        try {
            HasMetadata result = baseResourceVersion.isEmpty()
                    ? client.resource(withVersion(desired, Optional.empty())).create()
                    : client.resource(withVersion(desired, baseResourceVersion)).update();
            LOG.info("Wrote {} ({}), backup {}", describe(desired), reason, backup.id());
            return new WriteResult.Written(result, backup, (live.isEmpty() ? "Created " : "Updated ") + describe(desired));
        } catch (KubernetesClientException e) {
            return e.getCode() <= 0 ? unconfirmed(desired, live, backup) : refused(desired, e);
        }
    }

    /**
     * The write was sent but no answer came (the connection broke, or the API server did not answer in
     * time): the cluster is asked again instead of guessing whether the change was applied.
     */
    private WriteResult unconfirmed(HasMetadata desired, Optional<HasMetadata> before, Backup backup) {
        String what = describe(desired);
        String kept = " The backup " + backup.id() + " holds the state before the write; Undo restores it.";
        Optional<HasMetadata> now;
        try {
            now = live(desired);
        } catch (KubernetesClientException again) {
            return new WriteResult.Rejected(0, "The connection to the API server failed while writing " + what
                    + ": it is not known whether the change was applied; look at " + what + " once the cluster"
                    + " answers again." + kept);
        }
        String versionBefore = before.map(o -> o.getMetadata().getResourceVersion()).orElse(null);
        if (now.isPresent() && !now.get().getMetadata().getResourceVersion().equals(versionBefore)) {
            LOG.info("Write of {} unconfirmed, the cluster shows resourceVersion {}; backup {}", what,
                    now.get().getMetadata().getResourceVersion(), backup.id());
            return new WriteResult.Written(now.get(), backup, (before.isEmpty() ? "Created " : "Updated ") + what
                    + " (the API server's answer was lost; the cluster now shows resourceVersion "
                    + now.get().getMetadata().getResourceVersion() + ")");
        }
        return new WriteResult.Rejected(0, "The API server did not confirm the write of " + what + " and still shows"
                + " the version before it: nothing has changed so far, but a slow API server may still apply it."
                + kept);
    }

    /**
     * Deletes the object if it is still the version the user looked at; backs it up first, so the
     * deletion can be undone with {@link #restore}.
     */
    public WriteResult delete(HasMetadata seen, String reason) {
        Optional<HasMetadata> live;
        try {
            live = live(seen);
        } catch (KubernetesClientException e) {
            return refused(seen, e);
        }
        if (live.isEmpty()) {
            return new WriteResult.Conflict(live, describe(seen) + " no longer exists");
        }
        String expected = seen.getMetadata().getResourceVersion();
        if (expected != null && !expected.equals(live.get().getMetadata().getResourceVersion())) {
            return new WriteResult.Conflict(live, describe(seen) + " changed in the cluster since you looked at it: nothing was deleted");
        }
        try {
            Backup backup = backups.save(seen.getKind(), seen.getMetadata().getNamespace(), seen.getMetadata().getName(),
                    live.map(ObjectYaml::full), reason, clock.instant());
            client.resource(live.get()).delete();
            LOG.info("Deleted {} ({}), backup {}", describe(seen), reason, backup.id());
            return new WriteResult.Written(live.get(), backup, "Deleted " + describe(seen));
        } catch (IOException e) {
            return new WriteResult.Rejected(0, "Nothing was deleted: the backup could not be saved (" + e.getMessage() + ")");
        } catch (KubernetesClientException e) {
            return refused(seen, e);
        }
    }

    /** Puts an object back as the backup has it (deleting it when the backup says it did not exist). */
    public WriteResult restore(Backup b) {
        HasMetadata target = b.yaml().map(y -> (HasMetadata) Serialization.unmarshal(y)).orElse(null);
        try {
            Optional<HasMetadata> current = Optional.ofNullable(client.resources(kindClass(b, target))
                    .inNamespace(b.namespace()).withName(b.name()).get());
            Backup before = backups.save(b.kind(), b.namespace(), b.name(), current.map(ObjectYaml::full),
                    "before undoing: " + b.reason(), clock.instant());
            if (target == null) {
                current.ifPresent(c -> client.resource(c).delete());
                return new WriteResult.Written(current.orElse(null), before, "Removed " + b.kind() + " " + b.namespace()
                        + "/" + b.name() + " (it did not exist before)");
            }
            target.getMetadata().setManagedFields(null);
            target.getMetadata().setUid(null);
            target.getMetadata().setCreationTimestamp(null);
            HasMetadata result;
            if (current.isPresent()) {
                target.getMetadata().setResourceVersion(current.get().getMetadata().getResourceVersion());
                result = client.resource(target).update();
            } else {
                target.getMetadata().setResourceVersion(null);
                result = client.resource(target).create();
            }
            return new WriteResult.Written(result, before, "Restored " + b.kind() + " " + b.namespace() + "/" + b.name()
                    + " as it was on " + b.taken());
        } catch (KubernetesClientException e) {
            return refused(target == null ? null : target, e);
        } catch (IOException e) {
            return new WriteResult.Rejected(0, "Nothing was restored: the backup of the current state could not be saved ("
                    + e.getMessage() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private Class<HasMetadata> kindClass(Backup b, HasMetadata target) {
        if (target != null) {
            return (Class<HasMetadata>) target.getClass();
        }
        Class<?> type = switch (b.kind()) {
            case "Secret" -> io.fabric8.kubernetes.api.model.Secret.class;
            case "HTTPRoute" -> io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class;
            case "Gateway" -> io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class;
            case "ReferenceGrant" -> io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant.class;
            case "BackendTLSPolicy" -> io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy.class;
            case "TLSRoute" -> io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute.class;
            default -> io.fabric8.kubernetes.api.model.networking.v1.Ingress.class;
        };
        return (Class<HasMetadata>) type;
    }

    private static HasMetadata withVersion(HasMetadata desired, Optional<String> rv) {
        HasMetadata copy = Serialization.clone(desired);
        copy.getMetadata().setResourceVersion(rv.orElse(null));
        copy.getMetadata().setManagedFields(null);
        if (rv.isEmpty()) {
            copy.getMetadata().setUid(null);
            copy.getMetadata().setCreationTimestamp(null);
        }
        return copy;
    }

    private static WriteResult refused(HasMetadata desired, KubernetesClientException e) {
        String what = desired == null ? "the object" : describe(desired);
        if (e.getCode() == 409) {
            return new WriteResult.Conflict(Optional.empty(), what + " changed in the cluster meanwhile: nothing was overwritten");
        }
        String detail = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        String plain = switch (e.getCode()) {
            case 403 -> "No permission to write " + what + ": " + detail;
            case 422 -> "The API server rejected " + what + " as invalid: " + detail;
            case 0 -> "Could not reach the API server to write " + what + ": " + detail;
            default -> "The API server refused " + what + " (" + e.getCode() + "): " + detail;
        };
        return new WriteResult.Rejected(e.getCode(), plain);
    }

    static String describe(HasMetadata o) {
        return o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
    }
}
