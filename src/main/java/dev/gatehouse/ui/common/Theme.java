package dev.gatehouse.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark AtlantaFX themes plus Gatehouse's own stylesheet. */
public final class Theme {
    public static final String DARK_CLASS = "theme-dark";
    private static final String APP_CSS = Theme.class.getResource("/dev/gatehouse/ui/gatehouse.css").toExternalForm();

    private Theme() {
    }

    public static void apply(Scene scene, boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        if (scene.getRoot() != null) {
            scene.getRoot().getStyleClass().remove(DARK_CLASS);
            if (dark) {
                scene.getRoot().getStyleClass().add(DARK_CLASS);
            }
        }
    }
}
