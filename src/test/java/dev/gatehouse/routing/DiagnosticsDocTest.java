package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md lists every code with its slug and severity. */
class DiagnosticsDocTest {

    @Test
    void everyCodeIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/diagnostics.md"));

        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertThat(doc).as(code.toString())
                    .contains("| " + code.id() + " | " + code.slug() + " | " + code.severity().label() + " |");
        }
    }
}
