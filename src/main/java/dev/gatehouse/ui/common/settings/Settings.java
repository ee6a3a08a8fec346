package dev.gatehouse.ui.common.settings;

import java.util.Optional;

/**
 * What Gatehouse remembers between runs. Immutable; {@link SettingsStore} reads and writes it.
 * Window bounds are {@code NaN} when unknown (first run): the window is then centred.
 */
public record Settings(
        double windowX, double windowY, double windowWidth, double windowHeight, boolean maximized,
        boolean darkTheme, Optional<String> lastContext, Optional<String> lastKubeconfig) {

    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    public static Settings defaults() {
        return new Settings(Double.NaN, Double.NaN, DEFAULT_WIDTH, DEFAULT_HEIGHT, false, false,
                Optional.empty(), Optional.empty());
    }

    public boolean hasPosition() {
        return !Double.isNaN(windowX) && !Double.isNaN(windowY);
    }

    public Settings withWindow(double x, double y, double width, double height, boolean isMaximized) {
        return new Settings(x, y, width, height, isMaximized, darkTheme, lastContext, lastKubeconfig);
    }

    public Settings withDarkTheme(boolean dark) {
        return new Settings(windowX, windowY, windowWidth, windowHeight, maximized, dark, lastContext, lastKubeconfig);
    }

    public Settings withLastContext(String context, String kubeconfig) {
        return new Settings(windowX, windowY, windowWidth, windowHeight, maximized, darkTheme,
                Optional.ofNullable(context), Optional.ofNullable(kubeconfig));
    }
}
