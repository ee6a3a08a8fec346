package dev.gatehouse.routing.route;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.Optional;

/**
 * Client-certificate authentication of a host (ingress-nginx {@code auth-tls-*}, Gateway
 * {@code spec.tls.frontend}).
 *
 * @param source         the object that asks for it
 * @param caSecret       the CA the certificates are verified with
 * @param caUsable       whether that CA can be read (or is assumed fine because it is not in the input)
 * @param verify         {@code on}, {@code optional}, {@code optional_no_ca} or {@code off}
 * @param allowedSubject a regular expression the subject must match, if any
 */
public record ClientCertificatePolicy(ObjectRef source, ObjectRef caSecret, boolean caUsable, String verify,
                                      Optional<String> allowedSubject) {
}
