package dev.gatehouse.ui.common.diagnostics;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.ui.common.Status;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/** One diagnostic as a banner line: icon and colour by severity, the plain message, code and hint on hover. */
public final class DiagnosticLabel {
    private DiagnosticLabel() {
    }

    public static Label of(Diagnostic d) {
        Status s = LiveDiagnostics.toStatus(d.severity());
        Label l = new Label(d.message(), new FontIcon(s.iconLiteral()));
        l.getStyleClass().addAll("banner", s.styleClass());
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setTooltip(new Tooltip(d.code().id() + " " + d.code().slug() + " · " + d.object()
                + (d.hint() == null || d.hint().isBlank() ? "" : "\nFix: " + d.hint())));
        return l;
    }
}
