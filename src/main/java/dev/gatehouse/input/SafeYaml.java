package dev.gatehouse.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Parses YAML (and JSON, which is YAML 1.2) within {@link InputLimits}, in one pass: the nesting depth is
 * checked on the parser's events as the composer takes them, before it goes a level deeper (so 10,000
 * nested {@code [} are a message, not a StackOverflowError), aliases are limited (the "billion laughs" expansion), a document's size is
 * limited, recursive keys are refused, and anything after the end of a document (JSON followed by
 * garbage) is a syntax error with its position. Builds plain maps, lists and scalars only, never
 * arbitrary classes.
 */
public final class SafeYaml {

    private final InputLimits limits;

    public SafeYaml(InputLimits limits) {
        this.limits = limits;
    }

    /**
     * Settings for one text. The reader copies its window once per buffer, so a long scalar costs
     * O(n² / buffer): the buffer grows with the text (up to 1 M code points), small texts keep it small.
     */
    private LoadSettings settings(String text) {
        return LoadSettings.builder()
                .setMaxAliasesForCollections(Math.max(1, limits.yamlAliases()))
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(Math.toIntExact(Math.min(Integer.MAX_VALUE, limits.manifestFileBytes())))
                .setUseMarks(true)
                .setBufferSize(Math.max(1024, Math.min(text.length() + 1, 1 << 20)))
                .build();
    }

    public SafeYaml() {
        this(InputLimits.defaults());
    }

    /**
     * The documents of a YAML stream (one for JSON), each a map, list, scalar or null.
     *
     * @param name the input's name in messages
     * @throws InputLimitException when a limit is hit (depth, aliases, size)
     * @throws YamlEngineException when the text is no valid YAML (marked with line and column when known)
     */
    public List<Object> loadAll(String text, String name) throws InputLimitException {
        LoadSettings settings = settings(text);
        List<Object> documents = new ArrayList<>();
        DepthLimitedParser parser = new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, text)),
                limits.yamlNestingDepth());
        Composer composer = new Composer(settings, parser);
        StandardConstructor constructor = new StandardConstructor(settings);
        try {
            while (composer.hasNext()) {
                Object document = constructor.constructSingleDocument(Optional.of(composer.next()));
                checkExpandedSize(document, name);
                documents.add(document);
            }
        } catch (DepthLimitedParser.TooDeep e) {
            throw new InputLimitException(name, "nests mappings and lists deeper than " + limits.yamlNestingDepth()
                    + " levels" + e.where().map(SafeYaml::position).orElse("")
                    + ", the limit (yamlNestingDepth); it was not read", true);
        } catch (YamlEngineException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Number of aliases")) {
                throw new InputLimitException(name, "uses more than " + limits.yamlAliases() + " aliases, the limit"
                        + " per document (yamlAliases); it was not read", true);
            }
            if (message.contains("code point limit") || message.contains("exceeds the limit")) {
                throw new InputLimitException(name, "has a document larger than the "
                        + InputLimits.size(limits.manifestFileBytes()) + " limit (manifestFileBytes); it was not read",
                        true);
            }
            throw e;
        }
        return documents;
    }

    /**
     * Refuses a document whose aliases expand to more than {@link InputLimits#yamlNodes()} values. Shared
     * (aliased) collections are counted once per use, from a memo, so the count costs the document's real
     * size; recursion is bounded by the nesting depth checked before.
     */
    private void checkExpandedSize(Object document, String name) throws InputLimitException {
        if (expanded(document, new IdentityHashMap<>()) > limits.yamlNodes()) {
            throw new InputLimitException(name, "expands its aliases to more than " + limits.yamlNodes() + " values,"
                    + " the limit per document (yamlNodes); it was not read", true);
        }
    }

    private static long expanded(Object node, Map<Object, Long> memo) {
        if (!(node instanceof Map<?, ?>) && !(node instanceof Collection<?>)) {
            return 1;
        }
        Long known = memo.get(node);
        if (known != null) {
            return known;
        }
        memo.put(node, 1L); // a cycle (refused by the loader anyway) counts once
        long size = 1;
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size = saturated(size, expanded(e.getKey(), memo) + expanded(e.getValue(), memo));
            }
        } else {
            for (Object item : (Collection<?>) node) {
                size = saturated(size, expanded(item, memo));
            }
        }
        memo.put(node, size);
        return size;
    }

    private static long saturated(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE / 2 : Math.min(sum, Long.MAX_VALUE / 2);
    }

    private static String position(Mark mark) {
        return " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }

    /** Line and column of a YAML syntax error, when the parser knows them. */
    public static Optional<String> positionOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException marked
                    && marked.getProblemMark().isPresent()) {
                return Optional.of(position(marked.getProblemMark().get()));
            }
        }
        return Optional.empty();
    }
}
