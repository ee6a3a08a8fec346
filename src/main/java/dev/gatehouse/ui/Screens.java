package dev.gatehouse.ui;

import dev.gatehouse.app.AppDirs;
import dev.gatehouse.ui.certs.CertificateServices;
import dev.gatehouse.ui.certs.CertificatesView;
import dev.gatehouse.ui.certs.CertificatesViewModel;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.diagnostics.LiveDiagnostics;
import dev.gatehouse.ui.ingress.IngressesView;
import dev.gatehouse.ui.ingress.IngressesViewModel;
import dev.gatehouse.ui.overview.OverviewView;
import dev.gatehouse.ui.overview.OverviewViewModel;
import dev.gatehouse.ui.shell.PendingView;
import dev.gatehouse.ui.shell.Section;
import dev.gatehouse.ui.shell.ShellActions;
import dev.gatehouse.ui.shell.ShellViewModel;
import java.time.Clock;
import javafx.scene.Node;

/** Creates each navigation screen once, on first visit. */
final class Screens {
    private final ShellViewModel shell;
    private final ShellActions actions;
    private final FxBackground background;
    private final LiveDiagnostics diagnostics;

    Screens(ShellViewModel shell, ShellActions actions, FxBackground background, LiveDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.shell = shell;
        this.actions = actions;
        this.background = background;
    }

    Node create(Section section) {
        return switch (section) {
            case OVERVIEW -> new OverviewView(shell.connection(), new OverviewViewModel(
                    shell.connection().sessionProperty(), diagnostics.reportProperty(), background::execute), actions);
            case INGRESSES -> new IngressesView(new IngressesViewModel(shell.connection().sessionProperty(), background::execute,
                    diagnostics.reportProperty()));
            case CERTIFICATES -> certificates();
            case PATH -> new PendingView(section,
                    "Not built yet: the path view arrives with the routing engine.");
            case PROXY -> new PendingView(section,
                    "Not built yet: the local proxy arrives with the proxy feature.");
            case DRAFTS -> new PendingView(section,
                    "Not built yet: drafts and safe apply arrive with the drafts feature.");
        };
    }

    private Node certificates() {
        CertificatesView view = new CertificatesView(new CertificatesViewModel(shell.connection().sessionProperty(),
                shell.connection().demoProperty(), diagnostics.reportProperty(),
                new CertificateServices(AppDirs.forCurrentUser().data(), Clock.systemUTC()), background));
        actions.register(ShellActions.IMPORT_CERTIFICATES, view::openImport);
        actions.register(ShellActions.RENEW_CERTIFICATE, view::openRenew);
        actions.register(ShellActions.BACKUPS, view::openBackups);
        actions.register(ShellActions.EXPORT_LOCAL_CA, view::exportLocalCa);
        return view;
    }
}
