package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's entry point refuses to start with a clock offset it cannot read. */
class MainClockTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    /** Runs {@code gatehouse ARGS…} through the real Main in a child JVM with the offset set in its environment. */
    private Result run(String offset, String... args) throws IOException, InterruptedException {
        // The application's own logging (to the log file only), not the tests' console logging.
        String logback = getClass().getResource("/logback.xml").toString();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dgatehouse.home=" + dir.resolve("home"),
                "-Dlogback.configurationFile=" + logback,
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("GATEHOUSE_CLOCK_OFFSET", offset);
        Process p = builder.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void anOffsetThatIsNotADurationStopsTheCommandWithExitCode2() throws Exception {
        Result r = run("two years", "--version");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: GATEHOUSE_CLOCK_OFFSET=two years: not an ISO-8601 duration (e.g. P730D)"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(dir.resolve("home/data/logs/gatehouse.log")))
                .contains("Not starting: GATEHOUSE_CLOCK_OFFSET=two years");
    }

    @Test
    void aValidOffsetLetsTheCommandRunAndIsLoggedOnce() throws Exception {
        Result r = run("P730D", "--version");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isNotBlank();
        assertThat(r.err()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("home/data/logs/gatehouse.log")))
                .filteredOn(line -> line.contains("Clock moved by P730D (GATEHOUSE_CLOCK_OFFSET): now is 20"))
                .hasSize(1);
    }
}
