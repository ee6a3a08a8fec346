package dev.gatehouse.ui.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngExportTest {
    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheImage() throws Exception {
        BufferedImage image = new BufferedImage(320, 120, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(10, 10, 0xFF1A7F37);

        Path file = PngExport.write(image, dir.resolve("path.png"), Runnable::run).get();

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(320);
        assertThat(read.getHeight()).isEqualTo(120);
        assertThat(read.getRGB(10, 10)).isEqualTo(0xFF1A7F37);
    }

    @Test
    void anUnwritablePlaceFailsWithAPlainMessage() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        Path file = dir.resolve("no/such/folder/path.png");

        assertThatThrownBy(() -> PngExport.write(image, file, Runnable::run).get())
                .isInstanceOf(ExecutionException.class)
                .cause().hasMessage("Could not write " + file + ": the folder does not exist");
    }
}
