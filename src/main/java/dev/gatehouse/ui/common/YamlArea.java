package dev.gatehouse.ui.common;

import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Read-only (or editable) YAML with line numbers and highlighting of keys, values and comments. */
public final class YamlArea extends VirtualizedScrollPane<CodeArea> {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>#[^\\n]*)"
            + "|(?<KEY>^[ \\t-]*[A-Za-z0-9_./\"'-]+(?=:(\\s|$)))"
            + "|(?<STRING>\"[^\"\\n]*\"|'[^'\\n]*')"
            + "|(?<NUMBER>\\b\\d+\\b)"
            + "|(?<LITERAL>\\b(true|false|null)\\b)", Pattern.MULTILINE);

    public YamlArea(boolean editable) {
        super(new CodeArea());
        CodeArea area = getContent();
        area.getStyleClass().add("yaml-area");
        area.setEditable(editable);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.textProperty().addListener((obs, old, text) -> area.setStyleSpans(0, highlight(text)));
    }

    public void setText(String text) {
        getContent().replaceText(text == null ? "" : text);
        getContent().moveTo(0);
        getContent().requestFollowCaret();
    }

    public String getText() {
        return getContent().getText();
    }

    static StyleSpans<Collection<String>> highlight(String text) {
        Matcher m = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = m.group("COMMENT") != null ? "yaml-comment"
                    : m.group("KEY") != null ? "yaml-key"
                    : m.group("STRING") != null ? "yaml-string"
                    : m.group("NUMBER") != null ? "yaml-number" : "yaml-literal";
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
