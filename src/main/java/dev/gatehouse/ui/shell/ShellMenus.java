package dev.gatehouse.ui.shell;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/** The menu bar: every action is reachable from a menu, with the UI.md shortcuts. */
final class ShellMenus {
    private final ShellViewModel vm;
    private final ShellActions actions;

    ShellMenus(ShellViewModel vm, ShellActions actions) {
        this.vm = vm;
        this.actions = actions;
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(file(), view(), certificates(), help());
        bar.setId("menu-bar");
        return bar;
    }

    private Menu file() {
        MenuItem open = item("Open kubeconfig…", "menu-open-kubeconfig", "Shortcut+O", "fth-folder");
        open.setOnAction(e -> actions.openKubeconfig());
        MenuItem demo = item("Open demo cluster", "menu-open-demo", null, "fth-play-circle");
        demo.setOnAction(e -> actions.openDemoCluster());
        MenuItem reload = item("Reload", "menu-reload", "Shortcut+R", "fth-refresh-cw");
        reload.setOnAction(e -> actions.reload());
        MenuItem quit = item("Quit", "menu-quit", "Shortcut+Q", null);
        quit.setOnAction(e -> actions.quit());
        return new Menu("File", null, open, demo, new SeparatorMenuItem(), reload, new SeparatorMenuItem(), quit);
    }

    private Menu view() {
        Menu view = new Menu("View");
        for (Section s : Section.values()) {
            MenuItem go = item(s.label(), "menu-" + s.navId(), "Shortcut+" + s.digit(), s.iconLiteral());
            go.setOnAction(e -> vm.show(s));
            view.getItems().add(go);
        }
        MenuItem explain = item("Explain a URL…", "menu-explain-url", "Shortcut+L", "fth-search");
        explain.setOnAction(e -> vm.explainUrl());
        MenuItem theme = item("Toggle dark theme", "menu-toggle-theme", "Shortcut+Shift+T", "fth-moon");
        theme.setOnAction(e -> vm.toggleTheme());
        MenuItem probe = item("Live probe…", "menu-live-probe", "Shortcut+Shift+P", "fth-zap");
        probe.setOnAction(e -> actions.run(ShellActions.LIVE_PROBE));
        view.getItems().addAll(new SeparatorMenuItem(), explain, probe, new SeparatorMenuItem(), theme);
        return view;
    }

    private Menu certificates() {
        Menu menu = new Menu("Certificates");
        menu.setId("menu-certificates");
        String[][] items = {
            {"Import certificate files…", "menu-import-certificates", ShellActions.IMPORT_CERTIFICATES, "fth-upload"},
            {"Renew selected certificate…", "menu-renew-certificate", ShellActions.RENEW_CERTIFICATE, "fth-rotate-cw"},
            {"Backups…", "menu-backups", ShellActions.BACKUPS, "fth-archive"},
            {"Export local CA…", "menu-export-local-ca", ShellActions.EXPORT_LOCAL_CA, "fth-award"}};
        for (String[] i : items) {
            MenuItem item = item(i[0], i[1], null, i[3]);
            item.setOnAction(e -> {
                vm.show(Section.CERTIFICATES);
                actions.run(i[2]);
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    private Menu help() {
        MenuItem about = item("About Gatehouse", "menu-about", null, "fth-info");
        about.setOnAction(e -> actions.about());
        return new Menu("Help", null, about);
    }

    private static MenuItem item(String text, String id, String accelerator, String icon) {
        MenuItem item = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        return item;
    }
}
