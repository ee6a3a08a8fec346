package dev.gatehouse.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * Log message converter that removes secrets before anything reaches a log file: PEM private-key
 * blocks, bearer tokens, and values of keys such as {@code tls.key}, {@code token} or
 * {@code password}. Registered in logback.xml as {@code %redactedMsg}.
 */
public class RedactingMessageConverter extends MessageConverter {

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?(-----END \\1PRIVATE KEY-----|$)", Pattern.DOTALL);
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)((?:tls\\.key|client-key-data|client-secret|token|password|passphrase)\"?\\s*[:=]\\s*\"?)(?!\\[)[^\\s\",}]+");

    @Override
    public String convert(ILoggingEvent event) {
        return redact(super.convert(event));
    }

    public static String redact(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String out = PRIVATE_KEY.matcher(message).replaceAll("[private key redacted]");
        out = BEARER.matcher(out).replaceAll("$1[redacted]");
        return KEY_VALUE.matcher(out).replaceAll("$1[redacted]");
    }
}
