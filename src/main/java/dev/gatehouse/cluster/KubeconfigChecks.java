package dev.gatehouse.cluster;

import dev.gatehouse.input.BoundedFiles;
import dev.gatehouse.input.InputLimitException;
import dev.gatehouse.tls.MaterialProblem;
import dev.gatehouse.tls.MaterialReaders;
import dev.gatehouse.tls.ParsedMaterial;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.ExecConfig;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks, before connecting, every local thing a context depends on: the server address is a URL, the
 * files it names (certificate-authority, client-certificate, client-key, tokenFile) exist, are regular
 * files within the limits and hold what they should, inline credentials ({@code *-data}) are base64 PEM,
 * and an exec plugin's command exists. Each problem is a plain message naming the entry and the field
 * or file, never their content, so the user hears "client-key file /x/key.pem does not exist" at once
 * instead of a connection timeout.
 */
final class KubeconfigChecks {

    private final BoundedFiles files;

    KubeconfigChecks(BoundedFiles files) {
        this.files = files;
    }

    /** @param origin the kubeconfig file that defines the entry (relative paths are relative to its folder) */
    void cluster(String name, Cluster cluster, Path origin) throws KubeconfigException {
        String entry = "cluster '" + name + "'";
        server(entry, cluster.getServer(), origin);
        if (cluster.getCertificateAuthority() != null && !cluster.getCertificateAuthority().isBlank()) {
            certificates(entry, "certificate-authority", file(entry, "certificate-authority",
                    cluster.getCertificateAuthority(), origin), origin);
        }
        if (cluster.getCertificateAuthorityData() != null && !cluster.getCertificateAuthorityData().isBlank()) {
            certificates(entry, "certificate-authority-data", data(entry, "certificate-authority-data",
                    cluster.getCertificateAuthorityData(), origin), origin);
        }
    }

    void user(String name, AuthInfo user, Path origin) throws KubeconfigException {
        String entry = "user '" + name + "'";
        if (present(user.getClientCertificate())) {
            certificates(entry, "client-certificate", file(entry, "client-certificate", user.getClientCertificate(),
                    origin), origin);
        }
        if (present(user.getClientCertificateData())) {
            certificates(entry, "client-certificate-data", data(entry, "client-certificate-data",
                    user.getClientCertificateData(), origin), origin);
        }
        if (present(user.getClientKey())) {
            key(entry, "client-key", file(entry, "client-key", user.getClientKey(), origin), origin);
        }
        if (present(user.getClientKeyData())) {
            key(entry, "client-key-data", data(entry, "client-key-data", user.getClientKeyData(), origin), origin);
        }
        if (present(user.getTokenFile())) {
            file(entry, "tokenFile", user.getTokenFile(), origin);
        }
        if (user.getExec() != null) {
            exec(entry, user.getExec(), origin);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void server(String entry, String server, Path origin) throws KubeconfigException {
        String shown = KubeconfigSource.withoutUserInfo(server);
        URI uri;
        try {
            String trimmed = server.trim();
            uri = new URI(trimmed.contains("://") ? trimmed : "https://" + trimmed); // host:port means https
        } catch (URISyntaxException e) {
            throw new KubeconfigException(entry + ": server '" + shown + "' is not a URL (expected https://HOST:PORT)",
                    origin);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                || uri.getHost() == null) {
            throw new KubeconfigException(entry + ": server '" + shown + "' is not an https:// URL with a host"
                    + " (expected https://HOST:PORT)", origin);
        }
        if (uri.getPort() > 65535) {
            throw new KubeconfigException(entry + ": server '" + shown + "' has port " + uri.getPort()
                    + ", above 65535 (expected https://HOST:PORT)", origin);
        }
    }

    private Named file(String entry, String field, String value, Path origin) throws KubeconfigException {
        Path path = resolve(entry, field, value, origin);
        try {
            return new Named(field + " file " + path, files.read(path, path.toString(), BoundedFiles.Kind.CERTIFICATE));
        } catch (InputLimitException e) {
            throw new KubeconfigException(entry + ": " + field + " file " + e.getMessage(), origin);
        }
    }

    private static Path resolve(String entry, String field, String value, Path origin) throws KubeconfigException {
        try {
            Path path = Path.of(value);
            Path base = origin == null ? null : origin.toAbsolutePath().getParent();
            return path.isAbsolute() || base == null ? path : base.resolve(path);
        } catch (InvalidPathException e) {
            throw new KubeconfigException(entry + ": " + field + " is not a file path", origin);
        }
    }

    private static Named data(String entry, String field, String value, Path origin) throws KubeconfigException {
        try {
            return new Named(field, Base64.getDecoder().decode(value.replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            throw new KubeconfigException(entry + ": " + field + " is not valid base64", origin);
        }
    }

    private static void certificates(String entry, String field, Named input, Path origin) throws KubeconfigException {
        ParsedMaterial m = MaterialReaders.read(input.bytes(), input.name());
        if (m.chain().isEmpty()) {
            throw new KubeconfigException(entry + ": " + input.name() + " holds no PEM certificate" + why(m), origin);
        }
    }

    private static void key(String entry, String field, Named input, Path origin) throws KubeconfigException {
        ParsedMaterial m = MaterialReaders.read(input.bytes(), input.name());
        if (m.keys().isEmpty()) {
            throw new KubeconfigException(entry + ": " + input.name() + " holds no readable private key" + why(m),
                    origin);
        }
    }

    private static String why(ParsedMaterial m) {
        return m.problems().stream().filter(p -> p.level() == MaterialProblem.Level.ERROR).findFirst()
                .map(p -> " (" + p.message() + ")").orElse("");
    }

    private static void exec(String entry, ExecConfig exec, Path origin) throws KubeconfigException {
        String command = exec.getCommand();
        if (!present(command)) {
            throw new KubeconfigException(entry + ": the exec plugin has no command", origin);
        }
        if (command.contains("/") || command.contains(File.separator)) {
            Path path = resolve(entry, "exec command", command, origin);
            if (!Files.isRegularFile(path)) {
                throw new KubeconfigException(entry + ": exec plugin command " + path + " does not exist", origin);
            }
            if (!Files.isExecutable(path)) {
                throw new KubeconfigException(entry + ": exec plugin command " + path + " is not executable", origin);
            }
            return;
        }
        if (onPath(command).isEmpty()) {
            throw new KubeconfigException(entry + ": exec plugin command '" + command + "' is not found on the PATH"
                    + (present(exec.getInstallHint()) ? " (the kubeconfig's install hint: "
                    + firstLine(exec.getInstallHint()) + ")" : ""), origin);
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "…" : line;
    }

    static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (InvalidPathException e) {
                // a PATH entry that is no path: skip it
            }
        }
        return Optional.empty();
    }

    /** Bytes to check and how messages name them ("client-key file /home/me/key.pem", "client-key-data"). */
    private record Named(String name, byte[] bytes) {
    }
}
