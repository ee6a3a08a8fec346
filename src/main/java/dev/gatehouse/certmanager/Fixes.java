package dev.gatehouse.certmanager;

import dev.gatehouse.certmanager.RenewalStory.Step;
import java.util.Locale;
import java.util.Optional;

/** What to do about a blocking step, for the stalls people meet most. */
final class Fixes {

    private Fixes() {
    }

    static Optional<String> forStep(Step step) {
        String title = step.title();
        String text = (step.summary() + " " + String.join(" ", step.details())).toLowerCase(Locale.ROOT);
        if (title.startsWith("Issuer") || title.startsWith("ClusterIssuer")) {
            if (step.summary().startsWith("does not exist")) {
                return Optional.of("Create the issuer, or point the Certificate's spec.issuerRef at one that exists.");
            }
            if (text.contains("email")) {
                return Optional.of("Fix spec.acme.email of " + title + " (the ACME server refused the account"
                        + " registration), then cert-manager retries on its own.");
            }
            if (text.contains("secret") && text.contains("not found")) {
                return Optional.of("Create the Secret " + title + " refers to (CA key pair or ACME account key).");
            }
            return Optional.of("Fix " + title + " so that it becomes Ready (see its condition message above);"
                    + " cert-manager then retries the Certificate.");
        }
        if (title.startsWith("Challenge")) {
            if (text.contains("solver service")) {
                return Optional.of("Find out why the solver Pod does not run (kubectl describe pod -l "
                        + AcmeSteps.SOLVER_LABEL + "=true: image pull, quota, node selector, network policy), and"
                        + " check that the Ingress controller routes /.well-known/acme-challenge/ to it.");
            }
            if (text.contains("dns-01")) {
                return Optional.of("Check the DNS provider credentials of the solver and that the TXT record"
                        + " _acme-challenge is visible from the internet.");
            }
            return Optional.of("Make http://<domain>/.well-known/acme-challenge/ reachable from the internet to"
                    + " the solver (cert-manager's self check must pass first).");
        }
        if (title.startsWith("CertificateRequest")) {
            if (step.summary().startsWith("denied")) {
                return Optional.of("An approver denied the request; check the approval policy (e.g."
                        + " approver-policy), then delete the request so cert-manager makes a new one.");
            }
            return Optional.of("Read the request's condition message above; after fixing the cause, cert-manager"
                    + " retries with exponential backoff (or `gatehouse cert renew --cert-manager`).");
        }
        if (title.startsWith("Certificate") && step.summary().startsWith("the renewal was due")) {
            return Optional.of("Check that the cert-manager controller is running (kubectl -n cert-manager get pods)"
                    + " and read its log; `gatehouse cert renew --cert-manager` asks it to reissue now.");
        }
        return Optional.empty();
    }
}
