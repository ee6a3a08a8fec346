package dev.gatehouse.ui;

import dev.gatehouse.ui.fleet.FleetView;
import dev.gatehouse.ui.fleet.FleetViewModel;
import dev.gatehouse.app.AppDirs;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.drafts.DraftStore;
import dev.gatehouse.ui.certs.CertificateServices;
import dev.gatehouse.ui.certs.CertificatesView;
import dev.gatehouse.ui.certs.CertificatesViewModel;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.probe.ProbeOpener;
import dev.gatehouse.ui.draft.DraftsView;
import dev.gatehouse.ui.draft.DraftsViewModel;
import dev.gatehouse.ui.common.diagnostics.LiveDiagnostics;
import dev.gatehouse.ui.gateway.GatewaysView;
import dev.gatehouse.ui.gateway.GatewaysViewModel;
import dev.gatehouse.ui.ingress.IngressesView;
import dev.gatehouse.ui.ingress.IngressesViewModel;
import dev.gatehouse.ui.migrate.MigrateView;
import dev.gatehouse.ui.migrate.MigrateViewModel;
import dev.gatehouse.ui.overview.OverviewView;
import dev.gatehouse.ui.proxy.ProxyView;
import dev.gatehouse.ui.proxy.ProxyViewModel;
import dev.gatehouse.ui.overview.OverviewViewModel;
import dev.gatehouse.ui.path.PathScreen;
import dev.gatehouse.ui.route.RoutesView;
import dev.gatehouse.ui.route.RoutesViewModel;
import dev.gatehouse.ui.shell.Section;
import dev.gatehouse.ui.shell.ShellActions;
import dev.gatehouse.ui.shell.ShellViewModel;
import dev.gatehouse.drafts.DraftKind;
import dev.gatehouse.drafts.LiveObjects;
import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.Optional;
import javafx.scene.Node;

/** Creates each navigation screen once, on first visit. */
final class Screens {
    private final ShellViewModel shell;
    private final ShellActions actions;
    private final FxBackground background;
    private final LiveDiagnostics diagnostics;
    private final DraftsViewModel drafts;
    private final BackupStore backups;
    private final ProxyViewModel proxy;
    private CertificatesView certificatesView;
    private DraftsView draftsView;
    private final AppDirs dirs;
    private final Clock clock;
    private final ProbeOpener probes;

    Screens(ShellViewModel shell, ShellActions actions, FxBackground background, LiveDiagnostics diagnostics,
            AppDirs dirs, ProxyViewModel proxy, Clock clock, ProbeOpener probes) {
        this.probes = probes;
        this.dirs = dirs;
        this.clock = clock;
        this.diagnostics = diagnostics;
        this.proxy = proxy;
        this.backups = new BackupStore(dirs.data().resolve("backups"));
        this.drafts = new DraftsViewModel(new DraftStore(dirs.data().resolve("drafts")), backups,
                shell.connection().sessionProperty(), diagnostics.snapshotProperty(), shell.connection().routingProperty(),
                background::execute, clock);
        this.shell = shell;
        this.actions = actions;
        this.background = background;
    }

    Node create(Section section) {
        return switch (section) {
            case OVERVIEW -> new OverviewView(shell.connection(), new OverviewViewModel(
                    shell.connection().sessionProperty(), diagnostics.reportProperty(), background, clock), actions);
            case INGRESSES -> new IngressesView(new IngressesViewModel(shell.connection().sessionProperty(), background::execute,
                    diagnostics.reportProperty(), backups, clock), ingress -> {
                        drafts.openAsDraft(ingress);
                        shell.show(Section.DRAFTS);
                    }, (files, secret) -> {
                        shell.show(Section.CERTIFICATES);
                        if (certificatesView != null) {
                            certificatesView.drop(files, Optional.of(secret));
                        }
                    }, probes);
            case GATEWAYS -> new GatewaysView(new GatewaysViewModel(shell.connection().sessionProperty(),
                    diagnostics.snapshotProperty()), this::editAsDraft);
            case HTTPROUTES -> new RoutesView(new RoutesViewModel(shell.connection().sessionProperty(),
                    diagnostics.snapshotProperty()), this::editAsDraft);
            case CERTIFICATES -> certificates();
            case PATH -> PathScreen.create(shell.connection().sessionProperty(), diagnostics.snapshotProperty(), background,
                    clock, shell.explainRequestedProperty(), probes);
            case PROXY -> new ProxyView(proxy);
            case FLEET -> new FleetView(new FleetViewModel(shell.connection().sourceProperty(), background, clock,
                    this::openCertificate));
            case MIGRATE -> new MigrateView(new MigrateViewModel(shell.connection().routingProperty(), background,
                    drafts.desk(() -> shell.show(Section.DRAFTS), () -> {
                        if (draftsView != null) {
                            draftsView.startApply();
                        }
                    }), clock));
            case DRAFTS -> draftsView = new DraftsView(drafts, shell.connection().sessionProperty(), editor -> {
                proxy.serveDraft(editor.draftProperty().get().displayName(), editor::object);
                editor.draftProperty().addListener((o, a, b) -> proxy.draftChanged());
                shell.show(Section.PROXY);
            });
        };
    }

    /** Gateways / HTTPRoutes → "Edit as draft": the live object from the session's caches, opened on Drafts. */
    private void editAsDraft(ObjectRef ref) {
        Optional<HasMetadata> live = DraftKind.forKind(ref.kind()).flatMap(k -> LiveObjects.find(
                shell.connection().sessionProperty().get(), k, ref.namespace(), ref.name()));
        live.ifPresent(drafts::openAsDraft);
        shell.show(Section.DRAFTS);
    }

    /** Fleet → a certificate: connect to its context (when another one is open) and select it on Certificates. */
    private void openCertificate(String context, String namespace, String secret) {
        if (!context.equals(shell.connection().selectedContextProperty().get())) {
            shell.connection().selectedContextProperty().set(context);
        }
        shell.show(Section.CERTIFICATES);
        if (certificatesView != null) {
            certificatesView.viewModel().reveal(namespace + "/" + secret);
        }
    }

    private Node certificates() {
        CertificatesView view = certificatesView = new CertificatesView(new CertificatesViewModel(
                shell.connection().sessionProperty(), shell.connection().routingProperty(), diagnostics.snapshotProperty(),
                new CertificateServices(dirs.data(), clock, shell.connection().trust()), background), probes);
        actions.register(ShellActions.IMPORT_CERTIFICATES, view::openImport);
        actions.register(ShellActions.RENEW_CERTIFICATE, view::openRenew);
        actions.register(ShellActions.BACKUPS, view::openBackups);
        actions.register(ShellActions.EXPORT_LOCAL_CA, view::exportLocalCa);
        return view;
    }
}
