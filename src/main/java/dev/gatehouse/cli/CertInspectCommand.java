package dev.gatehouse.cli;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.app.AppDirs;
import dev.gatehouse.tls.MaterialAnalysis;
import dev.gatehouse.tls.MaterialAnalyzer;
import dev.gatehouse.tls.MaterialFiles;
import dev.gatehouse.tls.MaterialProblem;
import dev.gatehouse.tls.ParsedMaterial;
import dev.gatehouse.tls.PasswordSource;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.ca.LocalTrust;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse cert inspect FILE…}: the analysis of certificate files, as one set. */
@Command(name = "inspect",
        description = {"Read certificates and keys in any format (PEM, DER, PKCS#12, PKCS#7, encrypted keys) and"
                + " analyse them as one set: each certificate, chain order and completeness, trust, whether the key"
                + " belongs to the leaf, expiry and weaknesses.",
            "Files are recognised by content, not by name; folders are read one level deep."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:fine (notes allowed)", "1:problems found (errors or warnings)",
            "2:a file cannot be read"})
public final class CertInspectCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Certificate, key, keystore files or folders")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of text")
    private boolean json;

    @Option(names = "--host", paramLabel = "NAME", description = "Check that the certificate covers this host"
            + " (repeatable)")
    private List<String> hosts = new ArrayList<>();

    @Option(names = "--ca", paramLabel = "FILE", description = "Also trust the CA certificates in this file"
            + " (repeatable); the system's roots, Gatehouse's local CA and CAs added in the app are trusted anyway")
    private List<Path> cas = new ArrayList<>();

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Password for encrypted keys and keystores: the first line of FILE")
    private Path passwordFile;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Password for encrypted keys and keystores: the value of environment variable VAR")
    private String passwordEnv;

    @Spec
    private CommandSpec spec;

    private final Clock clock;
    private final TrustAnchors baseAnchors;

    public CertInspectCommand() {
        this(AppClock.system(), null);
    }

    /** For tests: a fixed clock and fixed roots (null: the system's roots plus the local trust). */
    public CertInspectCommand(Clock clock, TrustAnchors anchors) {
        this.clock = clock;
        this.baseAnchors = anchors;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<PasswordSource> fixed;
        try {
            fixed = fixedPassword();
        } catch (IOException e) {
            err.println("error: cannot read the password file " + passwordFile + " (" + e.getClass().getSimpleName() + ")");
            return 2;
        }
        PasswordSource passwords = fixed.orElseGet(() -> console(System.console()));
        List<ParsedMaterial> read = MaterialFiles.read(files, passwords);
        TrustAnchors anchors;
        try {
            anchors = anchors();
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        MaterialAnalysis analysis = new MaterialAnalyzer(clock, anchors).analyze(read, hosts);
        out.print(json ? InspectRenderer.json(read, analysis) + "\n" : InspectRenderer.text(read, analysis));
        out.flush();
        if (read.stream().anyMatch(f -> f.has(MaterialProblem.Kind.UNREADABLE_FILE))) {
            return 2;
        }
        return analysis.problems().stream().anyMatch(p -> p.level() != MaterialProblem.Level.INFO) ? 1 : 0;
    }

    private TrustAnchors anchors() throws IOException {
        TrustAnchors anchors = baseAnchors != null ? baseAnchors
                : new LocalTrust(AppDirs.forCurrentUser().data()).extend(TrustAnchors.jdkDefaults());
        for (Path ca : cas) {
            if (!Files.isRegularFile(ca)) {
                throw new IOException("no CA file at " + ca);
            }
            ParsedMaterial m = MaterialFiles.file(ca, ca.getFileName().toString(), PasswordSource.none());
            if (m.chain().isEmpty()) {
                throw new IOException(ca + " holds no CA certificate");
            }
            anchors = anchors.plus(ca.getFileName() + " (--ca)", m.chain());
        }
        return anchors;
    }

    private Optional<PasswordSource> fixedPassword() throws IOException {
        if (passwordFile != null) {
            String first = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            return Optional.of(PasswordSource.of(first.toCharArray()));
        }
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            return Optional.of(value == null ? PasswordSource.none() : PasswordSource.of(value.toCharArray()));
        }
        return Optional.empty();
    }

    /** Asks on the terminal when there is one (never echoing); otherwise gives no password. */
    static PasswordSource console(Console console) {
        if (console == null) {
            return PasswordSource.none();
        }
        return request -> {
            char[] typed = console.readPassword("Password for %s, %s (empty to skip): ", request.source(), request.item());
            return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
        };
    }
}
