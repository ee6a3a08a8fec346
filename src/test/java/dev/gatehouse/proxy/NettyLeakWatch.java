package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test class when Netty reports a leaked buffer while it ran. Netty logs leaks ("LEAK: …") through
 * the ResourceLeakDetector logger once a leaked buffer was garbage collected and the detector runs again;
 * the class runs with {@code -Dio.netty.leakDetection.level=paranoid} (pom.xml) so every buffer is tracked.
 */
public final class NettyLeakWatch implements BeforeAllCallback, AfterAllCallback {

    private final List<String> leaks = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getFormattedMessage().contains("LEAK")) {
                leaks.add(event.getFormattedMessage());
            }
        }
    };

    @Override
    public void beforeAll(ExtensionContext context) {
        assertThat(ResourceLeakDetector.getLevel()).as("leak detection level (test.jvm.args in pom.xml)")
                .isEqualTo(ResourceLeakDetector.Level.PARANOID);
        appender.setName("netty-leak-watch");
        appender.start();
        logger().addAppender(appender);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            for (int i = 0; i < 5; i++) {
                System.gc();
                System.runFinalization();
                // Allocating runs the detector, which reports what the collector found leaked.
                for (int j = 0; j < 100; j++) {
                    ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(64);
                    probe.release();
                }
            }
            assertThat(leaks).as("Netty leak reports").isEmpty();
        } finally {
            logger().detachAppender(appender);
            appender.stop();
        }
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    }
}
