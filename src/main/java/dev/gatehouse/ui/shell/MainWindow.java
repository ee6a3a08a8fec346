package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.Theme;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: menu and top bar (context, namespace, connection, theme), left navigation,
 * the selected screen in the centre, the status bar at the bottom.
 */
public final class MainWindow {
    private final Stage stage;
    private final ShellViewModel vm;
    private final Function<Section, Node> screenFactory;
    private final Map<Section, Node> screens = new EnumMap<>(Section.class);
    private final StackPane content = new StackPane();
    private final ShellActions actions;
    private final FxBackground background;

    public MainWindow(Stage stage, ShellViewModel vm, Function<Section, Node> screenFactory,
                      ShellActions actions, FxBackground background) {
        this.stage = stage;
        this.vm = vm;
        this.screenFactory = screenFactory;
        this.actions = actions;
        this.background = background;
    }

    public void show(Image... icons) {
        StatusBar statusBar = new StatusBar(vm, background);
        MenuBar menu = new ShellMenus(vm, actions).build();
        VBox top = new VBox(menu, topBar());
        BorderPane root = new BorderPane(content, top, null, statusBar, navigation(icons));
        root.setId("main-window");
        content.setId("content");

        Scene scene = new Scene(root, vm.settings().windowWidth(), vm.settings().windowHeight());
        Theme.apply(scene, vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((obs, old, dark) -> Theme.apply(scene, dark));
        vm.sectionProperty().addListener((obs, old, s) -> showScreen(s));
        showScreen(vm.sectionProperty().get());

        stage.setTitle("Gatehouse");
        stage.getIcons().setAll(icons);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        placeWindow();
        stage.setOnHidden(e -> vm.rememberWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized()));
        stage.show();
    }

    private void showScreen(Section s) {
        Node screen = screens.computeIfAbsent(s, screenFactory);
        content.getChildren().setAll(screen);
    }

    private HBox topBar() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = new Button();
        theme.setId("theme-toggle");
        theme.getStyleClass().addAll("flat", "button-icon");
        FontIcon themeIcon = new FontIcon();
        theme.setGraphic(themeIcon);
        Runnable refresh = () -> {
            boolean dark = vm.darkThemeProperty().get();
            themeIcon.setIconLiteral(dark ? "fth-sun" : "fth-moon");
            theme.setTooltip(new Tooltip(dark ? "Switch to the light theme" : "Switch to the dark theme"));
        };
        refresh.run();
        vm.darkThemeProperty().addListener((obs, old, dark) -> refresh.run());
        theme.setOnAction(e -> vm.toggleTheme());
        HBox bar = new HBox(new ConnectionBar(vm.connection()), spacer, theme);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private VBox navigation(Image... icons) {
        ImageView logo = new ImageView(icons.length > 1 ? icons[1] : icons[0]);
        logo.setFitWidth(22);
        logo.setFitHeight(22);
        Label title = new Label("Gatehouse", logo);
        title.getStyleClass().add("nav-title");
        VBox nav = new VBox(title);
        nav.getStyleClass().add("nav");
        nav.setId("navigation");
        ToggleGroup group = new ToggleGroup();
        for (Section s : Section.values()) {
            ToggleButton item = new ToggleButton(s.label(), new FontIcon(s.iconLiteral()));
            item.setId(s.navId());
            item.getStyleClass().add("nav-item");
            item.setToggleGroup(group);
            item.setMaxWidth(Double.MAX_VALUE);
            item.setTooltip(new Tooltip(s.purpose()));
            item.setSelected(vm.sectionProperty().get() == s);
            item.setOnAction(e -> {
                item.setSelected(true); // a second click keeps the screen selected
                vm.show(s);
            });
            vm.sectionProperty().addListener((obs, old, now) -> item.setSelected(now == s));
            nav.getChildren().add(item);
        }
        return nav;
    }

    private void placeWindow() {
        var s = vm.settings();
        stage.setWidth(s.windowWidth());
        stage.setHeight(s.windowHeight());
        if (s.hasPosition() && !Screen.getScreensForRectangle(
                new Rectangle2D(s.windowX(), s.windowY(), Math.min(s.windowWidth(), 100), 40)).isEmpty()) {
            stage.setX(s.windowX());
            stage.setY(s.windowY());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(s.maximized());
    }
}
