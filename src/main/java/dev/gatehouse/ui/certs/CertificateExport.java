package dev.gatehouse.ui.certs;

import dev.gatehouse.tls.build.Pem;
import dev.gatehouse.tls.ca.SecureFiles;
import dev.gatehouse.ui.common.FxBackground;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Writes certificates and keys to files the user chose, off the FX thread: certificates readable by
 * others (0644), private keys owner-only (0600). Reports each outcome as a plain sentence.
 */
public final class CertificateExport {

    private final CertificateServices services;
    private final FxBackground background;
    private final Consumer<String> report;

    CertificateExport(CertificateServices services, FxBackground background, Consumer<String> report) {
        this.services = services;
        this.background = background;
        this.report = report;
    }

    /** Leaf first, then intermediates, as PEM. */
    public static String pem(List<X509Certificate> certificates) {
        return Pem.certificates(certificates);
    }

    public void certificates(List<X509Certificate> certificates, Path target) {
        String text = pem(certificates);
        run("Exporting the certificate…", () -> SecureFiles.writePublic(target, text),
                (certificates.size() == 1 ? "Certificate" : certificates.size() + " certificates") + " written to " + target);
    }

    /** Writes the Secret's tls.key exactly as stored, owner-only. */
    public void privateKey(byte[] keyPem, Path target) {
        byte[] copy = keyPem.clone();
        run("Exporting the private key…", () -> SecureFiles.writePrivate(target, copy),
                "Private key written to " + target + " (readable by you only)");
    }

    public void localCa(Path target) {
        run("Exporting the local CA…", () -> services.localCa().exportCertificate(target),
                "Gatehouse's local CA certificate written to " + target + ": give it to clients that should trust"
                        + " certificates it signs");
    }

    private interface Io {
        void run() throws IOException;
    }

    private void run(String title, Io io, String done) {
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws IOException {
                updateTitle(title);
                io.run();
                return null;
            }
        };
        task.setOnSucceeded(e -> report.accept(done));
        task.setOnFailed(e -> report.accept("Nothing was written: " + WriteTask.plain(task.getException())));
        background.run(task);
    }
}
