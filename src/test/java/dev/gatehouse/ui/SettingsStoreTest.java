package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ui.common.settings.Settings;
import dev.gatehouse.ui.common.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void firstRunGivesDefaults() {
        Settings s = new SettingsStore(dir.resolve("none/settings.properties")).load();
        assertThat(s).isEqualTo(Settings.defaults());
        assertThat(s.hasPosition()).isFalse();
    }

    @Test
    void windowThemeAndContextSurviveARestart() {
        SettingsStore store = new SettingsStore(dir.resolve("cfg/settings.properties"));
        store.save(Settings.defaults().withWindow(40, 60, 1400, 900, false).withDarkTheme(true)
                .withLastContext("prod-eu", "/home/me/.kube/config"));
        Settings back = new SettingsStore(dir.resolve("cfg/settings.properties")).load();
        assertThat(back.windowX()).isEqualTo(40);
        assertThat(back.windowWidth()).isEqualTo(1400);
        assertThat(back.darkTheme()).isTrue();
        assertThat(back.lastContext()).contains("prod-eu");
        assertThat(back.lastKubeconfig()).contains("/home/me/.kube/config");
    }

    @Test
    void corruptFileFallsBackToDefaults() throws Exception {
        Path f = dir.resolve("settings.properties");
        Files.writeString(f, "window.width=banana\ntheme=dark\n");
        assertThat(new SettingsStore(f).load()).isEqualTo(Settings.defaults());
        Files.writeString(f, "window.x=\\uZZZZ\n");
        assertThat(new SettingsStore(f).load()).isEqualTo(Settings.defaults());
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertThat(new SettingsStore(f).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void absurdWindowSizesAreRejected() throws Exception {
        Path f = dir.resolve("settings.properties");
        Files.writeString(f, "window.width=5\nwindow.height=1e9\n");
        assertThat(new SettingsStore(f).load()).isEqualTo(Settings.defaults());
    }
}
