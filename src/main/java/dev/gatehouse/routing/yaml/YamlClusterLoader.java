package dev.gatehouse.routing.yaml;

import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import dev.gatehouse.input.BoundedFiles;
import dev.gatehouse.input.InputLimitException;
import dev.gatehouse.input.InputLimits;
import dev.gatehouse.input.SafeYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Kubernetes objects from YAML (or JSON) files and directories: multi-document files, {@code kind:
 * List}, any mix of kinds (those the engine does not use are skipped). Bad input gives a
 * {@link LoadResult.Failed} with file and line, never an exception.
 */
public final class YamlClusterLoader {

    private static final Logger LOG = LoggerFactory.getLogger(YamlClusterLoader.class);
    private static final Pattern SEPARATOR = Pattern.compile("^(---|\\.\\.\\.)(\\s.*)?$");
    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final InputLimits limits;
    private final SafeYaml yaml;
    private final BoundedFiles reader;

    private final Map<Path, FileRead> cache;

    /** A loader with the default {@link InputLimits}. */
    public YamlClusterLoader() {
        this(InputLimits.defaults());
    }

    /** @param limits bytes per file, YAML depth and aliases, objects per input, rules per Ingress */
    public YamlClusterLoader(InputLimits limits) {
        this(limits, false);
    }

    private YamlClusterLoader(InputLimits limits, boolean caching) {
        this.limits = limits;
        this.yaml = new SafeYaml(limits);
        this.reader = new BoundedFiles(limits);
        this.cache = caching ? new ConcurrentHashMap<>() : null;
    }

    /**
     * A loader for reading the same files again and again (the proxy's reloads): a regular file whose
     * size and modification time have not changed since it was read without a problem is not parsed
     * again. The objects handed out are then the same instances as before: read them, never change them.
     */
    public static YamlClusterLoader caching() {
        return new YamlClusterLoader(InputLimits.defaults(), true);
    }

    /** A regular file's size and modification time; null for anything else (FIFOs, devices: never cached). */
    private record FileStamp(long size, java.nio.file.attribute.FileTime modified) {
        static FileStamp of(Path file) {
            try {
                var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                return a.isRegularFile() ? new FileStamp(a.size(), a.lastModifiedTime()) : null;
            } catch (java.io.IOException e) {
                return null;
            }
        }
    }

    /**
     * A file as last read without a problem; its documents by their text, so that after an edit only the
     * documents that changed are parsed again (one Ingress edited in a file of a hundred).
     */
    private record FileRead(FileStamp stamp, List<HasMetadata> objects, List<String> notes,
                            Map<String, DocumentRead> documents) {
    }

    /** What one document gave. */
    private record DocumentRead(List<HasMetadata> objects, List<String> notes) {
    }

    /** Loads files and directories (recursively: *.yaml, *.yml, *.json, in name order). */
    public LoadResult load(Collection<Path> paths) {
        List<LoadProblem> problems = new ArrayList<>();
        List<HasMetadata> objects = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (paths.isEmpty()) {
            problems.add(new LoadProblem("input", OptionalInt.empty(), "No file given; pass -f FILE or -f DIR"));
        }
        for (Path path : paths) {
            for (Path file : files(path, problems)) {
                readFile(file, objects, notes, problems);
                if (objects.size() > limits.objectsPerInput()) {
                    break;
                }
            }
        }
        return result(objects, notes, problems);
    }

    /** One file: from the cache when it is unchanged since it was last read without a problem. */
    private void readFile(Path file, List<HasMetadata> objects, List<String> notes, List<LoadProblem> problems) {
        FileStamp stamp = cache == null ? null : FileStamp.of(file);
        FileRead known = stamp == null ? null : cache.get(file);
        if (known != null && known.stamp().equals(stamp)) {
            objects.addAll(known.objects());
            notes.addAll(known.notes());
            return;
        }
        String text;
        try {
            text = reader.readText(file, file.toString(), BoundedFiles.Kind.MANIFEST);
        } catch (InputLimitException e) {
            problems.add(new LoadProblem(file.toString(), OptionalInt.empty(), e.reason()));
            return;
        }
        List<HasMetadata> read = new ArrayList<>();
        List<String> readNotes = new ArrayList<>();
        List<LoadProblem> readProblems = new ArrayList<>();
        Map<String, DocumentRead> before = known == null ? Map.of() : known.documents();
        Map<String, DocumentRead> documents = stamp == null ? null : new HashMap<>();
        read(text, file.toString(), read, readNotes, readProblems, before, documents);
        objects.addAll(read);
        notes.addAll(readNotes);
        problems.addAll(readProblems);
        if (stamp != null) {
            if (readProblems.isEmpty()) {
                cache.put(file, new FileRead(stamp, List.copyOf(read), List.copyOf(readNotes), documents));
            } else {
                cache.remove(file);
            }
        }
    }

    /** Loads YAML text; {@code source} names it in messages. */
    public LoadResult parse(String text, String source) {
        List<LoadProblem> problems = new ArrayList<>();
        List<HasMetadata> objects = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        read(text == null ? "" : text, source, objects, notes, problems, Map.of(), null);
        return result(objects, notes, problems);
    }

    private LoadResult result(List<HasMetadata> objects, List<String> notes, List<LoadProblem> problems) {
        if (objects.size() > limits.objectsPerInput()) {
            problems.add(new LoadProblem("input", OptionalInt.empty(), "holds more than " + limits.objectsPerInput()
                    + " Kubernetes objects, the limit per input (objectsPerInput); it was not used"));
        }
        if (!problems.isEmpty()) {
            return new LoadResult.Failed(problems);
        }
        LOG.debug("Loaded {} objects", objects.size());
        return new LoadResult.Loaded(InMemoryClusterView.of(objects), objects, notes);
    }

    private static List<Path> files(Path path, List<LoadProblem> problems) {
        if (!Files.exists(path)) {
            problems.add(new LoadProblem(path.toString(), OptionalInt.empty(), "no such file or directory"));
            return List.of();
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> found = walk.filter(Files::isRegularFile)
                    .filter(p -> EXTENSIONS.stream().anyMatch(ext -> p.getFileName().toString()
                            .toLowerCase(Locale.ROOT).endsWith(ext)))
                    .sorted().toList();
            if (found.isEmpty()) {
                problems.add(new LoadProblem(path.toString(), OptionalInt.empty(),
                        "the directory holds no .yaml, .yml or .json file"));
            }
            return found;
        } catch (IOException | RuntimeException e) {
            problems.add(new LoadProblem(path.toString(), OptionalInt.empty(), "cannot be listed: " + e.getMessage()));
            return List.of();
        }
    }

    /**
     * Reads the documents of one text. A document whose text is in {@code before} (read without a problem from
     * the same source) is taken from there; every document read without a problem goes into {@code after}
     * when it is not null.
     */
    private void read(String text, String source, List<HasMetadata> objects, List<String> notes,
                      List<LoadProblem> problems, Map<String, DocumentRead> before, Map<String, DocumentRead> after) {
        int docNumber = 0;
        for (Document doc : split(text)) {
            docNumber++;
            DocumentRead known = before.get(doc.text());
            if (known == null) {
                int problemsBefore = problems.size();
                List<HasMetadata> docObjects = new ArrayList<>();
                List<String> docNotes = new ArrayList<>();
                readDocument(doc, docNumber, source, docObjects, docNotes, problems);
                known = problems.size() == problemsBefore ? new DocumentRead(List.copyOf(docObjects),
                        List.copyOf(docNotes)) : null;
                objects.addAll(docObjects);
                notes.addAll(docNotes);
            } else {
                objects.addAll(known.objects());
                notes.addAll(known.notes());
            }
            if (known != null && after != null) {
                after.put(doc.text(), known);
            }
            if (objects.size() > limits.objectsPerInput()) {
                return;
            }
        }
    }

    private void readDocument(Document doc, int docNumber, String source, List<HasMetadata> objects,
                              List<String> notes, List<LoadProblem> problems) {
        if (doc.blank()) {
            return;
        }
        List<Object> parsed;
        try {
            parsed = yaml.loadAll(doc.text(), source);
        } catch (InputLimitException e) {
            problems.add(new LoadProblem(source, OptionalInt.of(doc.firstLine()), "document " + docNumber + " "
                    + e.reason()));
            return;
        } catch (RuntimeException e) {
            problems.add(YamlErrors.describe(e, source, doc.firstLine(), docNumber));
            return;
        }
        for (Object tree : parsed) {
            collect(tree, source, doc, docNumber, objects, notes, problems);
            if (objects.size() > limits.objectsPerInput()) {
                return;
            }
        }
    }

    private void collect(Object tree, String source, Document doc, int docNumber, List<HasMetadata> objects,
                         List<String> notes, List<LoadProblem> problems) {
        if (tree == null || objects.size() > limits.objectsPerInput()) {
            return;
        }
        if (tree instanceof List<?> list) {
            for (Object item : list) {
                collect(item, source, doc, docNumber, objects, notes, problems);
            }
            return;
        }
        if (tree instanceof Map<?, ?> map && map.get("kind") instanceof String kind && kind.endsWith("List")
                && map.get("items") instanceof List<?> items) {
            collect(items, source, doc, docNumber, objects, notes, problems);
            return;
        }
        if (!(tree instanceof Map<?, ?> map) || !(map.get("kind") instanceof String)
                || !(map.get("apiVersion") instanceof String)) {
            problems.add(new LoadProblem(source, OptionalInt.of(doc.firstLine()), "document " + docNumber
                    + " is not a Kubernetes object (it has no apiVersion and kind)"));
            return;
        }
        Object parsed;
        try {
            parsed = serialization.convertValue(map, KubernetesResource.class);
        } catch (RuntimeException e) {
            problems.add(YamlErrors.describe(e, source, doc.firstLine(), docNumber));
            return;
        }
        if (!(parsed instanceof HasMetadata object) || object.getKind() == null) {
            problems.add(new LoadProblem(source, OptionalInt.of(doc.firstLine()), "document " + docNumber
                    + " is not a Kubernetes object (it has no apiVersion and kind)"));
            return;
        }
        if ("Ingress".equals(object.getKind()) && !(object instanceof Ingress)) {
            notes.add(source + ": Ingress " + ObjectRef.namespaceOf(object) + "/" + ObjectRef.nameOf(object) + " uses "
                    + object.getApiVersion() + ", which Kubernetes 1.22 removed; it is ignored (use networking.k8s.io/v1)");
            return;
        }
        if (object instanceof Ingress ingress && IngressLimits.paths(ingress) > limits.rulesPerIngress()) {
            problems.add(new LoadProblem(source, OptionalInt.of(doc.firstLine()), "Ingress "
                    + ObjectRef.namespaceOf(object) + "/" + ObjectRef.nameOf(object) + " has "
                    + IngressLimits.paths(ingress) + " paths, more than the limit of " + limits.rulesPerIngress()
                    + " per Ingress (rulesPerIngress); it was not used"));
            return;
        }
        if (object instanceof GenericKubernetesResource || !used(object)) {
            LOG.debug("{}: skipping {} {}", source, object.getKind(), ObjectRef.nameOf(object));
        }
        objects.add(object);
    }

    private static boolean used(HasMetadata object) {
        return object instanceof Ingress || object instanceof IngressClass || object instanceof Secret
                || object instanceof Service || object instanceof EndpointSlice
                || InMemoryClusterView.GATEWAY_KINDS.contains(object.getClass())
                || object instanceof io.fabric8.kubernetes.api.model.ConfigMap
                || object instanceof io.fabric8.kubernetes.api.model.Namespace;
    }

    /** Splits a YAML stream at "---" / "..." lines, remembering where each document starts. */
    static List<Document> split(String text) {
        List<Document> docs = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        StringBuilder current = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.length; i++) {
            if (SEPARATOR.matcher(lines[i]).matches()) {
                docs.add(new Document(current.toString(), start));
                current.setLength(0);
                start = i + 2;
                String rest = lines[i].startsWith("---") ? lines[i].substring(3).trim() : "";
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    current.append(rest).append('\n');
                    start = i + 1;
                }
                continue;
            }
            current.append(lines[i]).append('\n');
        }
        docs.add(new Document(current.toString(), start));
        return docs;
    }

    /** One YAML document and the 1-based line it starts on. */
    record Document(String text, int firstLine) {
        boolean blank() {
            return text.lines().map(String::trim).allMatch(l -> l.isEmpty() || l.startsWith("#"));
        }
    }
}
