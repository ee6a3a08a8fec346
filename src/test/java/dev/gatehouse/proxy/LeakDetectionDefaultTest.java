package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LeakDetectionDefaultTest {

    @Test
    void theShippedApplicationRunsWithoutLeakSampling() {
        assertThat(LeakDetectionDefault.levelFor(new Properties())).isEqualTo(ResourceLeakDetector.Level.DISABLED);
    }

    @Test
    void aLevelTheUserChoseIsKept() {
        Properties chosen = new Properties();
        chosen.setProperty("io.netty.leakDetection.level", "paranoid");
        assertThat(LeakDetectionDefault.levelFor(chosen)).isNull();

        Properties legacy = new Properties();
        legacy.setProperty("io.netty.leakDetectionLevel", "advanced");
        assertThat(LeakDetectionDefault.levelFor(legacy)).isNull();
    }

    @Test
    void applyingTheDefaultUnderTheTestSuiteKeepsParanoid() {
        // the suite runs with -Dio.netty.leakDetection.level=paranoid (pom.xml); Main's call must not lower it
        LeakDetectionDefault.apply();
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }
}
