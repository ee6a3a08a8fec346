package dev.gatehouse.cluster;

import com.fasterxml.jackson.core.JsonLocation;
import dev.gatehouse.input.BoundedFiles;
import dev.gatehouse.input.InputLimitException;
import dev.gatehouse.input.SafeYaml;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import org.slf4j.Logger;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kubeconfig files Gatehouse reads, merged the way kubectl merges them: the first file to
 * define a context, cluster or user wins, and {@code current-context} comes from the first file
 * that sets it. A source is an immutable snapshot of the files' contexts; opening a session
 * reads the files again, so refreshed tokens are picked up.
 *
 * <p>Credentials are read by fabric8 when a session connects, never by this class's public API,
 * and never end up in {@link #toString()} or in exception messages.
 *
 * <p>Loading reads and parses files (the first load in a JVM also initialises fabric8's YAML
 * support, close to a second on a slow machine): call the factories off the FX thread.
 *
 * <p>Token refresh: for {@link #fromEnvironment()} and {@link #fromFile} fabric8 can re-read the
 * kubeconfig when a token expires. For a {@link #fromPaths list of several files} that is not
 * the environment's, fabric8 only re-reads the file that defines the chosen context.
 */
public final class KubeconfigSource {

    private static final Logger LOG = LoggerFactory.getLogger(KubeconfigSource.class);

    private enum Origin { ENVIRONMENT, FILE, PATHS }

    private final Origin origin;
    private final List<Path> files;
    private final List<Path> searched;
    private final Map<String, KubeContext> contexts;
    private final Map<String, NamedCluster> clusters;
    private final Map<String, NamedAuthInfo> users;
    private final String currentContext;
    private final Map<String, Path> clusterOrigins = new LinkedHashMap<>();
    private final Map<String, Path> userOrigins = new LinkedHashMap<>();

    private KubeconfigSource(Origin origin, List<Path> searched, List<Path> files,
                             List<io.fabric8.kubernetes.api.model.Config> parsed) {
        this.origin = origin;
        this.searched = List.copyOf(searched);
        this.files = List.copyOf(files);
        Map<String, KubeContext> ctx = new LinkedHashMap<>();
        Map<String, NamedCluster> cl = new LinkedHashMap<>();
        Map<String, NamedAuthInfo> us = new LinkedHashMap<>();
        String current = null;
        for (int i = 0; i < parsed.size(); i++) {
            io.fabric8.kubernetes.api.model.Config kc = parsed.get(i);
            Path definedIn = i < files.size() ? files.get(i) : null;
            for (NamedContext nc : nullSafe(kc.getContexts())) {
                if (nc.getName() != null && nc.getContext() != null) {
                    ctx.putIfAbsent(nc.getName(), new KubeContext(nc.getName(), nc.getContext().getCluster(),
                            nc.getContext().getUser(), nc.getContext().getNamespace()));
                }
            }
            for (NamedCluster c : nullSafe(kc.getClusters())) {
                if (c.getName() != null && c.getCluster() != null && cl.putIfAbsent(c.getName(), c) == null
                        && definedIn != null) {
                    clusterOrigins.put(c.getName(), definedIn);
                }
            }
            for (NamedAuthInfo u : nullSafe(kc.getUsers())) {
                if (u.getName() != null && u.getUser() != null && us.putIfAbsent(u.getName(), u) == null
                        && definedIn != null) {
                    userOrigins.put(u.getName(), definedIn);
                }
            }
            if (current == null && kc.getCurrentContext() != null && !kc.getCurrentContext().isBlank()) {
                current = kc.getCurrentContext();
            }
        }
        this.contexts = ctx;
        this.clusters = cl;
        this.users = us;
        this.currentContext = current;
    }

    /**
     * The kubeconfig kubectl would use: the files listed in {@code KUBECONFIG} (or the
     * {@code kubeconfig} system property), else {@code ~/.kube/config}. Listed files that do not
     * exist are skipped, as kubectl does; when none exists the source is empty.
     *
     * @throws KubeconfigException when an existing file cannot be read or parsed
     */
    public static KubeconfigSource fromEnvironment() throws KubeconfigException {
        List<Path> paths = Config.getKubeconfigFilenames().stream()
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        return load(Origin.ENVIRONMENT, paths, false);
    }

    /**
     * The files of a {@code KUBECONFIG}-style list (separated by {@link File#pathSeparator}),
     * merged like kubectl does; missing files are skipped.
     */
    public static KubeconfigSource fromPathList(String kubeconfigVariable) throws KubeconfigException {
        List<Path> paths = Arrays.stream(kubeconfigVariable.split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        return fromPaths(paths);
    }

    /** Several files merged like kubectl does; missing files are skipped. */
    public static KubeconfigSource fromPaths(List<Path> paths) throws KubeconfigException {
        if (paths.size() == 1) {
            return load(Origin.FILE, paths, false);
        }
        return load(Origin.PATHS, paths, false);
    }

    /** One file chosen by the user ("Open kubeconfig…"); it must exist. */
    public static KubeconfigSource fromFile(Path file) throws KubeconfigException {
        return load(Origin.FILE, List.of(file), true);
    }

    private static KubeconfigSource load(Origin origin, List<Path> paths, boolean mustExist)
            throws KubeconfigException {
        List<Path> existing = new ArrayList<>();
        List<io.fabric8.kubernetes.api.model.Config> parsed = new ArrayList<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!Files.isRegularFile(abs)) {
                if (mustExist) {
                    throw new KubeconfigException("kubeconfig file " + abs + (Files.isDirectory(abs) ? " is a directory,"
                            + " not a file" : Files.exists(abs) ? " is not a regular file" : " does not exist"), abs);
                }
                LOG.debug("kubeconfig {} does not exist, skipped", abs);
                continue;
            }
            existing.add(abs);
            parsed.add(parse(abs));
        }
        return new KubeconfigSource(origin, paths, existing, parsed);
    }

    private static io.fabric8.kubernetes.api.model.Config parse(Path file) throws KubeconfigException {
        String text;
        try {
            text = new BoundedFiles().readText(file, file.toString(), BoundedFiles.Kind.KUBECONFIG);
            if (text.isBlank()) {
                return new io.fabric8.kubernetes.api.model.Config();
            }
            new SafeYaml().loadAll(text, file.toString()); // depth, aliases and size before fabric8 parses it
        } catch (InputLimitException e) {
            throw new KubeconfigException("kubeconfig file " + e.getMessage(), file);
        } catch (RuntimeException e) {
            String where = location(e).orElse("");
            throw new KubeconfigException("kubeconfig file " + file + " is not valid kubeconfig YAML" + where, file);
        }
        try {
            io.fabric8.kubernetes.api.model.Config parsed = KubeConfigUtils.parseConfig(file.toFile());
            if (parsed == null) {
                return new io.fabric8.kubernetes.api.model.Config();
            }
            return parsed;
        } catch (RuntimeException e) {
            // Never put the parser's message into ours: YAML errors quote the offending line,
            // which may hold a token or a key.
            String where = location(e).orElse("");
            LOG.debug("kubeconfig {} is not parseable{}", file, where);
            throw new KubeconfigException("kubeconfig file " + file + " is not valid kubeconfig YAML" + where, file);
        }
    }

    /** " (line 5, column 15)", from the parser's position only (never its message or snippet). */
    private static Optional<String> location(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
                Mark mark = yaml.getProblemMark().get();
                return Optional.of(position(mark.getLine() + 1, mark.getColumn() + 1));
            }
            if (c instanceof JsonProcessingException jpe && jpe.getLocation() != null
                    && jpe.getLocation().getLineNr() > 0) {
                JsonLocation l = jpe.getLocation();
                return Optional.of(position(l.getLineNr(), l.getColumnNr()));
            }
        }
        return Optional.empty();
    }

    private static String position(int line, int column) {
        return " (line " + line + ", column " + column + ")";
    }

    /** Every context, in the order the files define them. */
    public List<KubeContext> contexts() {
        return List.copyOf(contexts.values());
    }

    /** The context with this name. */
    public Optional<KubeContext> context(String name) {
        return Optional.ofNullable(contexts.get(name));
    }

    /** {@code current-context} of the first file that sets it, if that context exists. */
    public Optional<String> currentContext() {
        return Optional.ofNullable(currentContext).filter(contexts::containsKey);
    }

    /**
     * The context to preselect: {@code lastUsed} when it still exists, else the current context,
     * else the first one.
     */
    public Optional<String> preferredContext(String lastUsed) {
        if (lastUsed != null && contexts.containsKey(lastUsed)) {
            return Optional.of(lastUsed);
        }
        return currentContext().or(() -> contexts.keySet().stream().findFirst());
    }

    /** The files that were read, in precedence order. */
    public List<Path> files() {
        return files;
    }

    /** True when there is no context to connect to. */
    public boolean isEmpty() {
        return contexts.isEmpty();
    }

    /** Why the source is empty, in plain words ("no kubeconfig found (looked for ~/.kube/config)"). */
    public Optional<String> emptyReason() {
        if (!isEmpty()) {
            return Optional.empty();
        }
        if (files.isEmpty()) {
            return Optional.of("no kubeconfig found (looked for " + String.join(", ",
                    searched.stream().map(Path::toString).toList()) + ")");
        }
        return Optional.of("the kubeconfig defines no contexts (" + String.join(", ",
                files.stream().map(Path::toString).toList()) + ")");
    }

    /** Checks that the context exists and that its cluster and user entries are defined. */
    void validate(String contextName) throws KubeconfigException {
        KubeContext ctx = contexts.get(contextName);
        if (ctx == null) {
            throw new KubeconfigException("context '" + contextName + "' is not defined in the kubeconfig", null);
        }
        NamedCluster cluster = clusters.get(ctx.cluster());
        if (ctx.cluster().isEmpty() || cluster == null) {
            throw new KubeconfigException("context '" + contextName + "' refers to cluster '" + ctx.cluster()
                    + "', which no kubeconfig file defines", null);
        }
        if (cluster.getCluster().getServer() == null || cluster.getCluster().getServer().isBlank()) {
            throw new KubeconfigException("cluster '" + ctx.cluster() + "' of context '" + contextName
                    + "' has no server address", null);
        }
        if (!ctx.user().isEmpty() && !users.containsKey(ctx.user())) {
            throw new KubeconfigException("context '" + contextName + "' refers to user '" + ctx.user()
                    + "', which no kubeconfig file defines", null);
        }
        KubeconfigChecks checks = new KubeconfigChecks(new BoundedFiles());
        checks.cluster(ctx.cluster(), cluster.getCluster(), clusterOrigins.get(ctx.cluster()));
        if (!ctx.user().isEmpty()) {
            checks.user(ctx.user(), users.get(ctx.user()).getUser(), userOrigins.get(ctx.user()));
        }
    }

    /**
     * Builds the fabric8 client configuration for a context, re-reading the files. This may run
     * an exec credential plugin (cloud CLIs) and so may block for seconds: call it off the UI
     * thread.
     */
    Config clientConfig(String contextName, SessionSettings settings) throws KubeconfigException {
        KubeconfigSource fresh = load(origin, origin == Origin.FILE ? files : searched, origin == Origin.FILE);
        fresh.validate(contextName);
        Config config = switch (origin) {
            // the same path kubectl takes, and fabric8 can refresh tokens from all files
            case ENVIRONMENT -> Config.autoConfigure(contextName);
            case FILE -> Config.fromKubeconfig(contextName, fresh.files.get(0).toFile());
            case PATHS -> merged(contextName, fresh.files);
        };
        if (config.getCurrentContext() == null || !contextName.equals(config.getCurrentContext().getName())) {
            // fabric8 silently falls back to current-context; never connect somewhere else
            throw new KubeconfigException("context '" + contextName + "' could not be loaded", null);
        }
        config.setConnectionTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
        config.setRequestTimeout(Math.toIntExact(settings.requestTimeout().toMillis()));
        config.setWatchReconnectInterval(Math.toIntExact(settings.watchReconnectInterval().toMillis()));
        config.setWatchReconnectLimit(-1);
        config.setRequestRetryBackoffLimit(settings.requestRetries());
        return config;
    }

    /**
     * A client for one-shot commands (the CLI's writes): no caches, no watches. Blocks like
     * {@link #clientConfig}; the caller closes it.
     *
     * @throws KubeconfigException when the context cannot be used (plain message)
     */
    public io.fabric8.kubernetes.client.KubernetesClient oneShotClient(String contextName) throws KubeconfigException {
        return oneShotClient(contextName, SessionSettings.defaults());
    }

    /** {@link #oneShotClient(String)} with other timeouts. */
    public io.fabric8.kubernetes.client.KubernetesClient oneShotClient(String contextName, SessionSettings settings)
            throws KubeconfigException {
        Config config = clientConfig(contextName, settings);
        return new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build();
    }

    private static Config merged(String contextName, List<Path> files) throws KubeconfigException {
        io.fabric8.kubernetes.api.model.Config[] parsed = new io.fabric8.kubernetes.api.model.Config[files.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = parse(files.get(i));
        }
        Config config = Config.empty();
        KubeConfigUtils.merge(config, contextName, parsed);
        return config;
    }

    /** The URL without {@code user:password@}, for messages. */
    public static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@');
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
            return url.substring(0, scheme + 3) + url.substring(at + 1);
        }
        return url;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    @Override
    public String toString() {
        return "KubeconfigSource" + files + " contexts=" + contexts.keySet();
    }
}
