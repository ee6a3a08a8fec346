package dev.gatehouse.ui.common.form;

import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The pieces the draft forms (Ingress, HTTPRoute, Gateway) are made of: editable tables of immutable rows (an edit
 * replaces the row), add / remove buttons, labelled fields and section titles.
 */
public final class FormWidgets {

    private FormWidgets() {
    }

    public static <R> TableView<R> table(String id, ObservableList<R> items, double height) {
        TableView<R> t = new TableView<>(items);
        t.setId(id);
        t.setEditable(true);
        t.setPrefHeight(height);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    /** The table with "add" and "Remove" (of the selected row) under it. */
    public static <R> VBox withButtons(TableView<R> t, String addId, String addText, Runnable add, Runnable remove) {
        Button plus = new Button(addText, new FontIcon("fth-plus"));
        plus.setId(addId);
        plus.setOnAction(e -> add.run());
        Button minus = new Button("Remove", new FontIcon("fth-trash-2"));
        minus.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull());
        minus.setOnAction(e -> remove.run());
        return new VBox(6, t, new HBox(6, plus, minus));
    }

    /** A column edited as text: committing replaces the row by {@code with(row, text)}. */
    public static <R> TableColumn<R, String> textColumn(String title, Function<R, String> get, BiFunction<R, String, R> with,
                                                 ObservableList<R> list) {
        TableColumn<R, String> c = column(title, get);
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> replace(list, e.getRowValue(), with.apply(e.getRowValue(),
                e.getNewValue() == null ? "" : e.getNewValue())));
        return c;
    }

    /** A column edited by choosing one of {@code choices}. */
    public static <R> TableColumn<R, String> choiceColumn(String title, Function<R, String> get, BiFunction<R, String, R> with,
                                                   ObservableList<R> list, ObservableList<String> choices) {
        TableColumn<R, String> c = column(title, get);
        c.setCellFactory(ComboBoxTableCell.forTableColumn(choices));
        c.setOnEditCommit(e -> replace(list, e.getRowValue(), with.apply(e.getRowValue(),
                e.getNewValue() == null ? "" : e.getNewValue())));
        return c;
    }

    public static <R> TableColumn<R, String> column(String title, Function<R, String> get) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(get.apply(cd.getValue())));
        c.setEditable(true);
        return c;
    }

    public static <R> void replace(ObservableList<R> list, R old, R now) {
        int i = list.indexOf(old);
        if (i >= 0) {
            list.set(i, now);
        }
    }

    public static ChoiceBox<String> choice(String id, String... values) {
        ChoiceBox<String> c = new ChoiceBox<>(FXCollections.observableArrayList(values));
        c.setId(id);
        return c;
    }

    public static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    public static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    /** Why the form's last edit could not be written into the YAML; shown only while there is a reason. */
    public static Label problem(String id, javafx.beans.value.ObservableStringValue reason) {
        Label problem = new Label();
        problem.setId(id);
        problem.getStyleClass().add("text-danger");
        problem.setWrapText(true);
        problem.textProperty().bind(reason);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    public static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }
}
