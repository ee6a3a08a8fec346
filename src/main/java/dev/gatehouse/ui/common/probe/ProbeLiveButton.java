package dev.gatehouse.ui.common.probe;

import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Probe live" for a screen: probes the one host the selection has, or offers its hosts in a menu when it has
 * several; disabled when it has none (a wildcard or no TLS: nothing one can connect to by name).
 */
public final class ProbeLiveButton extends Button {

    private final Supplier<List<String>> hosts;
    private final ProbeOpener opener;

    /**
     * @param id     the button's id
     * @param hosts  the exact hosts of the current selection
     * @param opener shows the probe panel
     */
    public ProbeLiveButton(String id, Supplier<List<String>> hosts, ProbeOpener opener) {
        super("Probe live", new FontIcon("fth-zap"));
        this.hosts = hosts;
        this.opener = opener;
        setId(id);
        setTooltip(new Tooltip("Connect to the controller and compare what it really serves with what the objects"
                + " say"));
        setOnAction(e -> act());
        refresh();
    }

    /** Call when the selection changes. */
    public void refresh() {
        setDisable(hosts.get().isEmpty());
    }

    private void act() {
        List<String> names = hosts.get();
        if (names.size() == 1) {
            opener.probe(names.get(0));
        } else if (names.size() > 1) {
            ContextMenu menu = new ContextMenu();
            for (int i = 0; i < names.size(); i++) {
                String h = names.get(i);
                MenuItem item = new MenuItem(h);
                item.setId(getId() + "-" + i);
                item.setOnAction(e -> opener.probe(h));
                menu.getItems().add(item);
            }
            menu.show(this, Side.BOTTOM, 0, 0);
        }
    }

    /** Only the names one can connect to: exact host names, no wildcards (see {@link ProbeOpener#exactHosts}). */
    public static List<String> exact(List<String> names) {
        return ProbeOpener.exactHosts(names);
    }
}
