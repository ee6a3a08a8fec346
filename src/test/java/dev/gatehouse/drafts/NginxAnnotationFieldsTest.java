package dev.gatehouse.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The draft form's typed annotations are read by the engine's parser and written back without loss. */
class NginxAnnotationFieldsTest {

    private static final String P = NginxAnnotationFields.PREFIX;

    @Test
    void untouchedAnnotationsRoundTripExactlyAsWritten() {
        Map<String, String> base = new LinkedHashMap<>();
        base.put(P + "ssl-redirect", "True");
        base.put(P + "proxy-ssl-verify", " ON ");
        base.put(P + "use-regex", "yes");
        base.put(P + "backend-protocol", "HTTPS");
        base.put("example.com/owner", "ops");

        NginxAnnotationFields fields = NginxAnnotationFields.from(base);

        assertThat(fields.applyTo(base)).isEqualTo(base);
        assertThat(fields.sslRedirect()).contains(true);
        assertThat(fields.proxySslVerify()).contains(true);
        assertThat(fields.useRegex()).as("\"yes\" is not a Go bool: ingress-nginx ignores it").isEmpty();
    }

    @Test
    void theFormReadsValuesAsTheControllerDoes() {
        Map<String, String> base = Map.of(P + "ssl-redirect", "f", P + "proxy-ssl-verify", "true",
                P + "proxy-ssl-secret", "backend-ca");
        NginxAnnotationFields fields = NginxAnnotationFields.from(base);

        assertThat(fields.sslRedirect()).as("Go's ParseBool reads \"f\" as false").contains(false);
        assertThat(fields.proxySslVerify()).as("only \"on\" turns verification on").contains(false);
        var engine = fields.interpreted("shop");
        assertThat(engine.sslRedirect()).contains(false);
        assertThat(engine.proxySslVerify()).isFalse();
        assertThat(engine.proxySslSecret()).contains(ObjectRef.secret("shop", "backend-ca"));
    }

    @Test
    void changedFieldsAreWrittenAndClearedOnesRemoved() {
        Map<String, String> base = Map.of(P + "ssl-redirect", "True", P + "rewrite-target", "/$2", "other", "x");
        NginxAnnotationFields fields = NginxAnnotationFields.from(base);
        NginxAnnotationFields edited = new NginxAnnotationFields(Optional.of(false), fields.forceSslRedirect(),
                Optional.of("HTTPS"), fields.proxySslSecret(), Optional.of(true), fields.authTlsSecret(),
                fields.authTlsVerifyClient(), Optional.empty(), fields.useRegex());

        Map<String, String> out = edited.applyTo(base);

        assertThat(out).containsEntry(P + "ssl-redirect", "false").containsEntry(P + "backend-protocol", "HTTPS")
                .containsEntry(P + "proxy-ssl-verify", "on").containsEntry("other", "x")
                .doesNotContainKey(P + "rewrite-target");
    }
}
