package dev.gatehouse.cluster;

import dev.gatehouse.input.InputLimitException;
import dev.gatehouse.input.InputLimits;
import dev.gatehouse.input.SafeYaml;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a kubeconfig {@code users[].user.exec} credential plugin (client-go's protocol: stdout is an
 * {@code ExecCredential} JSON with a token or a client certificate and key) within a time and an output
 * limit. fabric8 8.0 runs the plugin itself while it builds the client configuration and again on token
 * refresh, with neither bound ({@code KubeConfigUtils.getExecCredentialFromExecConfig} reads the output
 * whole and waits for the process), so the session runs it here and hands fabric8 only the result.
 *
 * <p>Every failure is a {@link KubeconfigException} naming the user entry, the plugin and the limit; the
 * plugin's output never appears in a message (it holds the credential), its stderr only as a shortened
 * first line with anything token-like removed.
 */
final class ExecPlugin {

    /** The plugin's result: a token, or a client certificate and key (PEM). */
    record Credential(String token, String clientCertificatePem, String clientKeyPem) {
        @Override
        public String toString() {
            return token != null ? "Credential[token]" : "Credential[client certificate]";
        }
    }

    private static final int STDERR_BYTES = 8192;

    private final String entry;
    private final ExecConfig exec;
    private final Path kubeconfig;
    private final Duration timeout;
    private final long maxOutput;

    /**
     * @param entry      "user 'u'", for messages
     * @param kubeconfig the file that defines the user (a relative command is relative to it), or null
     * @param timeout    how long the plugin may run (the cluster timeout)
     * @param limits     {@link InputLimits#kubeconfigFileBytes()} caps its output
     */
    ExecPlugin(String entry, ExecConfig exec, Path kubeconfig, Duration timeout, InputLimits limits) {
        this.entry = entry;
        this.exec = exec;
        this.kubeconfig = kubeconfig;
        this.timeout = timeout;
        this.maxOutput = limits.kubeconfigFileBytes();
    }

    private String name() {
        return "exec plugin '" + exec.getCommand() + "'";
    }

    /** Runs the plugin once. */
    Credential run() throws KubeconfigException {
        ProcessBuilder pb = new ProcessBuilder(command());
        if (exec.getEnv() != null) {
            for (ExecEnvVar v : exec.getEnv()) {
                if (v.getName() != null) {
                    pb.environment().put(v.getName(), v.getValue() == null ? "" : v.getValue());
                }
            }
        }
        String apiVersion = exec.getApiVersion() == null ? "client.authentication.k8s.io/v1" : exec.getApiVersion();
        pb.environment().put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"" + apiVersion
                + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new KubeconfigException(entry + ": " + name() + " cannot be started ("
                    + e.getClass().getSimpleName() + ")", kubeconfig);
        }
        try {
            p.getOutputStream().close(); // not interactive: no input
        } catch (IOException e) {
            // the plugin closed its input already
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<byte[]> out = readBounded(p.getInputStream(), maxOutput + 1, false);
        CompletableFuture<byte[]> err = readBounded(p.getErrorStream(), STDERR_BYTES, true);
        byte[] stdout;
        try {
            stdout = out.get(remaining(deadline), TimeUnit.NANOSECONDS);
            if (stdout.length > maxOutput) {
                stop(p);
                throw new KubeconfigException(entry + ": " + name() + " printed more than "
                        + InputLimits.size(maxOutput) + " (the limit for a kubeconfig and its credentials); it was stopped",
                        kubeconfig);
            }
            if (!p.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException();
            }
        } catch (TimeoutException e) {
            stop(p);
            throw new KubeconfigException(entry + ": " + name() + " did not finish within the cluster timeout of "
                    + InputLimits.duration(timeout) + " (--cluster-timeout); it was stopped", kubeconfig);
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            throw new KubeconfigException(entry + ": interrupted while " + name() + " ran", kubeconfig);
        } catch (ExecutionException e) {
            stop(p);
            throw new KubeconfigException(entry + ": cannot read the output of " + name(), kubeconfig);
        }
        if (p.exitValue() != 0) {
            String why = firstLine(stderr(err, deadline));
            throw new KubeconfigException(entry + ": " + name() + " failed (exit code " + p.exitValue() + ")"
                    + (why.isEmpty() ? "" : ": " + why), kubeconfig);
        }
        return parse(stdout, apiVersion);
    }

    private List<String> command() {
        String command = exec.getCommand();
        Path resolved = Path.of(command);
        if ((command.contains("/") || command.contains(java.io.File.separator)) && !resolved.isAbsolute()
                && kubeconfig != null) {
            resolved = kubeconfig.toAbsolutePath().getParent().resolve(command).normalize();
        } else if (!command.contains("/")) {
            resolved = KubeconfigChecks.onPath(command).orElse(resolved);
        }
        List<String> argv = new ArrayList<>();
        argv.add(resolved.toString());
        if (exec.getArgs() != null) {
            argv.addAll(exec.getArgs());
        }
        return argv;
    }

    private Credential parse(byte[] stdout, String apiVersion) throws KubeconfigException {
        List<Object> documents;
        try {
            // JSON is YAML 1.2: the one limited parser, with line and column for a syntax error
            documents = new SafeYaml().loadAll(new String(stdout, StandardCharsets.UTF_8), name());
        } catch (InputLimitException e) {
            throw new KubeconfigException(entry + ": the output of " + e.getMessage(), kubeconfig);
        } catch (RuntimeException e) {
            throw new KubeconfigException(entry + ": " + name() + " printed no valid ExecCredential JSON"
                    + SafeYaml.positionOf(e).orElse(""), kubeconfig);
        }
        if (documents.size() != 1 || !(documents.get(0) instanceof Map<?, ?> root)) {
            throw new KubeconfigException(entry + ": " + name() + " printed no ExecCredential JSON object"
                    + (stdout.length == 0 ? " (its output was empty)" : ""), kubeconfig);
        }
        String kind = String.valueOf(root.get("kind"));
        String version = String.valueOf(root.get("apiVersion"));
        if (!"ExecCredential".equals(kind)) {
            throw new KubeconfigException(entry + ": " + name() + " printed kind '" + shorten(kind)
                    + "', not an ExecCredential", kubeconfig);
        }
        if (!apiVersion.equals(version)) {
            throw new KubeconfigException(entry + ": " + name() + " printed an ExecCredential of apiVersion '"
                    + shorten(version) + "', but the kubeconfig asks for '" + apiVersion + "'", kubeconfig);
        }
        Map<?, ?> status = root.get("status") instanceof Map<?, ?> m ? m : Map.of();
        String token = text(status, "token");
        String cert = text(status, "clientCertificateData");
        String key = text(status, "clientKeyData");
        if (token != null) {
            return new Credential(token, null, null);
        }
        if (cert != null && key != null) {
            return new Credential(null, cert, key);
        }
        throw new KubeconfigException(entry + ": " + name() + " printed an ExecCredential with neither a token nor"
                + " a client certificate and key", kubeconfig);
    }

    private static String text(Map<?, ?> node, String field) {
        return node.get(field) instanceof String v && !v.isEmpty() ? v : null;
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 57) + "…" : clean;
    }

    /** The first non-blank stderr line, shortened, with token-like words (32+ characters of base64/JWT) removed. */
    static String firstLine(byte[] stderr) {
        String text = new String(stderr, StandardCharsets.UTF_8);
        Optional<String> line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
        String l = line.orElse("").replaceAll("[A-Za-z0-9+/=_.\\-]{32,}", "…").replaceAll("\\p{Cntrl}", " ");
        return l.length() > 200 ? l.substring(0, 197) + "…" : l;
    }

    private static byte[] stderr(CompletableFuture<byte[]> err, long deadline) {
        try {
            return err.get(Math.min(remaining(deadline), TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new byte[0];
        } catch (ExecutionException | TimeoutException e) {
            return new byte[0];
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Stops the plugin and whatever it started (a shell's {@code sleep} keeps the pipe open otherwise). */
    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /**
     * Reads up to {@code max} bytes on a daemon thread (a stuck pipe must not hold the caller); with
     * {@code drain} it reads on to the end and drops the rest (so a chatty stderr cannot block the plugin).
     */
    private static CompletableFuture<byte[]> readBounded(InputStream in, long max, boolean drain) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    int keep = (int) Math.min(n, max - buf.size());
                    if (keep > 0) {
                        buf.write(chunk, 0, keep);
                    }
                    if (buf.size() >= max && !drain) {
                        break;
                    }
                }
                result.complete(buf.toByteArray());
            } catch (IOException e) {
                result.complete(buf.toByteArray()); // the process was stopped: what was read is the answer
            }
        }, "gatehouse-exec-plugin-reader");
        t.setDaemon(true);
        t.start();
        return result;
    }
}
