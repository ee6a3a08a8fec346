package dev.gatehouse.certmanager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.certmanager.RenewalStory.State;
import dev.gatehouse.certmanager.RenewalStory.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The renewal stories of the stalls people meet, as cmctl status certificate would show them, read for the user. */
class RenewalStoryBuilderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private final RenewalStoryBuilder builder = new RenewalStoryBuilder(CLOCK);

    private RenewalStory story(CmFixtures f) {
        return builder.build("shop", "web-tls", Map.of("cert-manager.io/certificate-name", "web"), f.build());
    }

    @Test
    void healthyCertificateSaysWhenItRenews() {
        RenewalStory story = story(new CmFixtures().certificate(CmFixtures.readyCertificate("2027-01-02T00:00:00Z"))
                .issuer(CmFixtures.clusterIssuer(true, "The ACME account was registered with the ACME server")));

        assertThat(story.verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(story.headline()).isEqualTo("Certificate shop/web is Ready; cert-manager renews it on"
                + " 2027-01-02T00:00:00Z.");
        assertThat(story.steps()).extracting(RenewalStory.Step::title)
                .containsExactly("Certificate shop/web", "ClusterIssuer letsencrypt-prod");
        assertThat(story.blockingStep()).isEmpty();
    }

    @Test
    void issuerNotReadyIsTheBlockingStepWithItsFix() {
        RenewalStory story = story(new CmFixtures().certificate(CmFixtures.ISSUING_CERTIFICATE)
                .issuer(CmFixtures.clusterIssuer(false, "Failed to register ACME account: 400 urn:ietf:params:acme:"
                        + "error:invalidContact: Error creating new account :: invalid contact domain. Contact emails"
                        + " @example are forbidden"))
                .event("ClusterIssuer", "letsencrypt-prod", "Warning", "ErrInitIssuer", "Error initializing issuer"));

        assertThat(story.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(story.blockingStep()).get().extracting(RenewalStory.Step::title)
                .isEqualTo("ClusterIssuer letsencrypt-prod");
        assertThat(story.headline()).startsWith("Not renewing: ClusterIssuer letsencrypt-prod not Ready: Failed to"
                + " register ACME account");
        assertThat(story.fix()).get().asString().contains("spec.acme.email");
        assertThat(story.blockingStep().get().events()).containsExactly("Warning ErrInitIssuer: Error initializing issuer");
    }

    @Test
    void http01ChallengeStuckBecauseItsSolverServiceHasNoEndpoints() {
        CmFixtures f = new CmFixtures().certificate(CmFixtures.ISSUING_CERTIFICATE)
                .issuer(CmFixtures.clusterIssuer(true, "registered"))
                .request(CmFixtures.PENDING_REQUEST).order(CmFixtures.PENDING_ORDER)
                .challenge(CmFixtures.PENDING_HTTP01);
        f.solvers.put("shop/cm-acme-http-solver-x7k2p", 0);

        RenewalStory story = story(f);

        assertThat(story.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(story.steps()).extracting(RenewalStory.Step::state)
                .containsExactly(State.WAITING, State.OK, State.WAITING, State.WAITING, State.BLOCKED);
        assertThat(story.headline()).isEqualTo("Not renewing: Challenge shop/web-4-1234-567 is stuck: HTTP-01 for"
                + " shop.example.com cannot be answered because its solver Service shop/cm-acme-http-solver-x7k2p has"
                + " no ready endpoints (the solver Pod is not running or not ready).");
        assertThat(story.fix()).get().asString().contains("solver Pod");
    }

    @Test
    void pendingChallengeWithAWorkingSolverIsInProgress() {
        CmFixtures f = new CmFixtures().certificate(CmFixtures.ISSUING_CERTIFICATE)
                .issuer(CmFixtures.clusterIssuer(true, "registered"))
                .request(CmFixtures.PENDING_REQUEST).order(CmFixtures.PENDING_ORDER)
                .challenge(CmFixtures.PENDING_HTTP01);
        f.solvers.put("shop/cm-acme-http-solver-x7k2p", 1);

        RenewalStory story = story(f);

        assertThat(story.verdict()).isEqualTo(Verdict.IN_PROGRESS);
        assertThat(story.headline()).startsWith("Renewal in progress: Challenge shop/web-4-1234-567 is pending:"
                + " HTTP-01 for shop.example.com — Waiting for HTTP-01 challenge propagation");
    }

    @Test
    void renewalTimePassedWithoutIssuingIsAStall() {
        RenewalStory story = story(new CmFixtures().certificate(CmFixtures.readyCertificate("2026-11-28T12:00:00Z"))
                .issuer(CmFixtures.clusterIssuer(true, "registered")));

        assertThat(story.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(story.headline()).isEqualTo("Not renewing: Certificate shop/web the renewal was due 3 days ago but"
                + " cert-manager has not started it.");
        assertThat(story.fix()).get().asString().contains("cert-manager controller is running");
    }

    @Test
    void absentCertManagerAndUnmanagedSecretsAreNotErrors() {
        RenewalStory absent = builder.build("shop", "web-tls", Map.of(), CertManagerObjects.notInstalled());
        assertThat(absent.verdict()).isEqualTo(Verdict.NOT_MANAGED);
        assertThat(absent.headline()).startsWith("cert-manager is not installed in this cluster");

        RenewalStory unmanaged = builder.build("shop", "other-tls", Map.of(), new CmFixtures()
                .certificate(CmFixtures.readyCertificate("2027-01-02T00:00:00Z")).build());
        assertThat(unmanaged.verdict()).isEqualTo(Verdict.NOT_MANAGED);
        assertThat(unmanaged.headline()).contains("none has spec.secretName: other-tls");
    }

    @Test
    void rbacGapsAreSaidNotGuessed() {
        CmFixtures f = new CmFixtures().certificate(CmFixtures.ISSUING_CERTIFICATE);
        f.unreadable.put("clusterissuers", "forbidden: User \"dev\" cannot list resource \"clusterissuers\"");
        f.unreadable.put("certificaterequests", "forbidden");

        RenewalStory story = story(f);

        assertThat(story.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(story.headline()).startsWith("Cannot tell: ClusterIssuer letsencrypt-prod could not be read:"
                + " forbidden");
        assertThat(story.notes()).contains("Could not read certificaterequests: forbidden");

        CmFixtures none = new CmFixtures();
        none.unreadable.put("certificates", "forbidden");
        assertThat(story(none).verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void missingIssuerBlocks() {
        RenewalStory story = story(new CmFixtures().certificate(CmFixtures.ISSUING_CERTIFICATE));
        assertThat(story.headline()).isEqualTo("Not renewing: ClusterIssuer letsencrypt-prod does not exist.");
    }
}
