package dev.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactingMessageConverterTest {

    @Test
    void privateKeyBlocksNeverReachTheLog() {
        String msg = "loaded secret: -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY----- done";
        assertThat(RedactingMessageConverter.redact(msg))
                .doesNotContain("MHcCAQEEIBkg")
                .contains("[private key redacted]")
                .endsWith(" done");
    }

    @Test
    void pkcs8AndTruncatedBlocksAreRedactedToo() {
        assertThat(RedactingMessageConverter.redact("-----BEGIN PRIVATE KEY-----\nAAAA")).doesNotContain("AAAA");
    }

    @Test
    void tokensAndKeyValuesAreRedacted() {
        String out = RedactingMessageConverter.redact(
                "Authorization: Bearer eyJhbGciOi.abc.def token=s3cr3t \"tls.key\": \"LS0tLS1CRUdJTi\" password: hunter2");
        assertThat(out).doesNotContain("eyJhbGciOi", "s3cr3t", "LS0tLS1CRUdJTi", "hunter2");
    }

    @Test
    void ordinaryMessagesAreUnchanged() {
        String msg = "Connected to https://127.0.0.1:6443 (v1.31.0), 9 Ingresses";
        assertThat(RedactingMessageConverter.redact(msg)).isEqualTo(msg);
    }
}
