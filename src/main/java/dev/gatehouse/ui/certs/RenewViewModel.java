package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.write.CertManagerRenewal;
import dev.gatehouse.cluster.write.TlsSecretWriter;
import dev.gatehouse.cluster.write.WriteResult;
import dev.gatehouse.cluster.write.YamlDiff;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.tls.build.KeyAlgorithm;
import dev.gatehouse.tls.build.LeafSpec;
import dev.gatehouse.tls.ca.SecureFiles;
import dev.gatehouse.ui.common.FxBackground;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The renew dialog's state: the new certificate's subject and names (prefilled from the current one),
 * validity, key type and signer — Gatehouse's local CA, self-signed, or an external CA through a
 * certificate request whose key waits, encrypted, until the signed certificate is dropped in. A Secret
 * owned by cert-manager is renewed through its Certificate instead.
 */
public final class RenewViewModel {

    /** Who signs the new certificate. */
    public enum Signer {
        LOCAL_CA("Gatehouse's local CA"), SELF_SIGNED("Self-signed"), EXTERNAL_CA("An external CA (certificate request)");

        private final String label;

        Signer(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final CertificateServices services;
    private final ClusterSession session;
    private final FxBackground background;
    private final Consumer<WriteResult.Written> written;
    private final CertificateRow row;

    private final StringProperty subject = new SimpleStringProperty();
    private final StringProperty names = new SimpleStringProperty();
    private final IntegerProperty days = new SimpleIntegerProperty((int) LeafSpec.DEFAULT_VALIDITY.toDays());
    private final ObjectProperty<KeyAlgorithm> algorithm = new SimpleObjectProperty<>(KeyAlgorithm.EC_P256);
    private final ObjectProperty<Signer> signer = new SimpleObjectProperty<>(Signer.LOCAL_CA);
    private final ObservableList<String> summary = FXCollections.observableArrayList();
    private final ObservableList<YamlDiff.Line> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper request = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canConfirm = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private TlsSecretWriter.Prepared prepared;

    RenewViewModel(CertificateServices services, ClusterSession session, FxBackground background,
                   Consumer<WriteResult.Written> written, CertificateRow row) {
        this.services = services;
        this.session = session;
        this.background = background;
        this.written = written;
        this.row = row;
        Optional<CertificateInfo> leaf = row.leaf();
        subject.set(leaf.map(CertificateInfo::subject).orElse("CN=" + row.hosts().stream().findFirst().orElse(row.name())));
        List<String> current = leaf.map(l -> LeafSpec.from(l).dnsNames()).filter(l -> !l.isEmpty()).orElse(row.hosts());
        names.set(String.join("\n", current));
        subject.addListener((o, a, b) -> invalidate());
        names.addListener((o, a, b) -> invalidate());
        days.addListener((o, a, b) -> invalidate());
        algorithm.addListener((o, a, b) -> invalidate());
        signer.addListener((o, a, b) -> invalidate());
        state.set(row.certManager().map(c -> "cert-manager owns this Secret (Certificate " + row.namespace() + "/" + c
                + "). Gatehouse will not replace its certificate: cert-manager would overwrite it at its next renewal."
                + " Ask cert-manager to reissue it now instead, as cmctl renew does.")
                .orElse("Choose how to renew, then show the changes."));
    }

    /** The Secret is cert-manager's: renewing means asking cert-manager. */
    public Optional<String> certManager() {
        return row.certManager();
    }

    public String secretPath() {
        return row.key();
    }

    private void invalidate() {
        prepared = null;
        canConfirm.set(false);
        summary.clear();
        diff.clear();
    }

    private LeafSpec spec() {
        List<String> dns = Arrays.stream(names.get() == null ? new String[0] : names.get().split("[\\s,]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new LeafSpec(subject.get() == null ? "" : subject.get().trim(), dns, List.of(),
                Duration.ofDays(Math.max(1, days.get())), algorithm.get());
    }

    /** Makes the new certificate and key, and shows what writing them changes (diff, dry run). */
    public void preview() {
        LeafSpec spec;
        try {
            spec = spec();
        } catch (IllegalArgumentException e) {
            state.set(e.getMessage());
            return;
        }
        Signer by = signer.get();
        if (by == Signer.EXTERNAL_CA) {
            createRequest(spec);
            return;
        }
        busy.set(true);
        state.set(spec.algorithm().isRsa() ? "Generating an " + spec.algorithm().displayName() + " key…" : "Signing…");
        run("Renewing " + row.key() + "…", () -> {
            CertificateBundle bundle = by == Signer.SELF_SIGNED ? spec.selfSigned(services.clock().instant())
                    : services.localCa().issue(spec, services.clock().instant());
            TlsSecretWriter writer = services.writer(session).orElseThrow(() -> new IllegalStateException("Not connected"));
            return writer.prepare(row.namespace(), row.name(), bundle.chainPem(), Optional.of(bundle.privateKeyPem()));
        }, pr -> {
            prepared = pr;
            summary.setAll(pr.change().summary());
            diff.setAll(pr.diff());
            canConfirm.set(pr.writable());
            state.set(pr.refusal().orElse(pr.dryRun().message() + (pr.writable() ? ". Review, then replace the Secret." : "")));
        });
    }

    /** Writes the previewed certificate and key. */
    public void confirm() {
        TlsSecretWriter.Prepared pr = prepared;
        Optional<TlsSecretWriter> writer = services.writer(session);
        if (pr == null || writer.isEmpty() || !canConfirm.get()) {
            return;
        }
        canConfirm.set(false);
        busy.set(true);
        background.run(new WriteTask("Writing Secret " + row.key() + "…",
                () -> writer.get().apply(pr, "renew " + row.key() + " (" + signer.get().label() + ")"), result -> {
                    busy.set(false);
                    state.set(result.message());
                    if (result instanceof WriteResult.Written w) {
                        written.accept(w);
                        done.set(true);
                    }
                }));
    }

    private void createRequest(LeafSpec spec) {
        busy.set(true);
        String context = session == null ? "" : session.contextName();
        run("Creating a certificate request…", () -> {
            var csr = spec.csr();
            services.pending().save(csr, row.key(), context);
            return csr.pem();
        }, pem -> {
            request.set(pem);
            state.set("Certificate request created; its new key is kept, encrypted, until the certificate comes back."
                    + " Send the request to your CA, then drop the certificate it returns onto the Certificates screen.");
        });
    }

    /** Saves the certificate request where the user wants it. */
    public void saveRequest(Path target) {
        String pem = request.get();
        run("Saving the certificate request…", () -> {
            SecureFiles.writePublic(target, pem);
            return target;
        }, p -> state.set("Certificate request saved to " + p));
    }

    /** Asks cert-manager to reissue the Secret's Certificate (as cmctl renew does). */
    public void renewWithCertManager() {
        String certificate = row.certManager().orElse(null);
        if (certificate == null || session == null || session.client().isEmpty()) {
            return;
        }
        busy.set(true);
        run("Asking cert-manager to renew…", () -> new CertManagerRenewal(session.client().get(), services.clock())
                .renew(row.namespace(), certificate), r -> {
                    state.set(r.message());
                    done.set(r instanceof CertManagerRenewal.Triggered);
                });
    }

    private <T> void run(String title, Jobs.Work<T> work, Consumer<T> then) {
        Jobs.run(background, title, work, result -> {
            busy.set(false);
            then.accept(result);
        }, message -> {
            busy.set(false);
            state.set(message);
        });
    }

    public StringProperty subjectProperty() { return subject; }
    public StringProperty namesProperty() { return names; }
    public IntegerProperty daysProperty() { return days; }
    public ObjectProperty<KeyAlgorithm> algorithmProperty() { return algorithm; }
    public ObjectProperty<Signer> signerProperty() { return signer; }
    public ObservableList<String> summary() { return summary; }
    public ObservableList<YamlDiff.Line> diff() { return diff; }
    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty requestProperty() { return request.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canConfirmProperty() { return canConfirm.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
}
