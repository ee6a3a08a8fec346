package dev.gatehouse.ui.common;

import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;

/**
 * Keeps a table's selection on the same item, by key, while live updates replace its rows: the
 * selection follows the new row, and is cleared when the item is gone. No {@code Node} involved.
 */
public final class SelectionKeeper<R> {

    private final ObjectProperty<R> selected;
    private String key;

    public SelectionKeeper(ObjectProperty<R> selected, Function<R, String> keyOf) {
        this.selected = selected;
        selected.addListener((o, a, row) -> {
            if (row != null) {
                key = keyOf.apply(row);
            }
        });
    }

    /** The key of the item last selected, or null. */
    public String key() {
        return key;
    }

    /** Puts the selection on the current row of the same item ({@code lookup} by key), or clears it. */
    public void reselect(Function<String, Optional<R>> lookup) {
        if (key == null) {
            return;
        }
        Optional<R> now = lookup.apply(key);
        if (now.isPresent() && now.get() != selected.get()) {
            selected.set(now.get());
        } else if (now.isEmpty() && selected.get() != null) {
            selected.set(null);
        }
    }

    /** Forgets the item and clears the selection (a new session). */
    public void clear() {
        key = null;
        selected.set(null);
    }
}
