package dev.gatehouse.ui.path;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.imageio.ImageIO;

/** Writes a rendered diagram to a PNG file off the FX thread. */
final class PngExport {

    private PngExport() {
    }

    /** Completes with the file, or exceptionally with a plain message. */
    static CompletableFuture<Path> write(BufferedImage image, Path file, Executor worker) {
        return CompletableFuture.supplyAsync(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer is available");
                }
                return file;
            } catch (NoSuchFileException e) {
                throw new UncheckedIOException("Could not write " + file + ": the folder does not exist", e);
            } catch (AccessDeniedException e) {
                throw new UncheckedIOException("Could not write " + file + ": permission denied", e);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
            }
        }, worker);
    }
}
