package dev.gatehouse.ui.common;

/**
 * The four states of UI.md, with one meaning everywhere: tables, badges, path view, certificate
 * bands. Each pairs a colour (a CSS class) with an icon, so colour is never the only signal.
 */
public enum Status {
    OK("status-ok", "fth-check-circle"),
    WARNING("status-warning", "fth-alert-triangle"),
    ERROR("status-error", "fth-x-circle"),
    UNKNOWN("status-unknown", "fth-help-circle");

    private final String styleClass;
    private final String iconLiteral;

    Status(String styleClass, String iconLiteral) {
        this.styleClass = styleClass;
        this.iconLiteral = iconLiteral;
    }

    public String styleClass() {
        return styleClass;
    }

    public String iconLiteral() {
        return iconLiteral;
    }

    public static String[] allStyleClasses() {
        Status[] all = values();
        String[] out = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i].styleClass;
        }
        return out;
    }
}
