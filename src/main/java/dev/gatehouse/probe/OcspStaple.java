package dev.gatehouse.probe;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;

/**
 * A stapled OCSP response as read (not verified: the probe reports what the server staples).
 *
 * @param status     the certificate status of the first single response
 * @param producedAt when the responder signed it
 * @param thisUpdate the status is known to be right at this time
 * @param nextUpdate newer information is available after this time (empty: any time)
 * @param detail     a plain description, or why it could not be read
 */
public record OcspStaple(Status status, Optional<Instant> producedAt, Optional<Instant> thisUpdate,
                         Optional<Instant> nextUpdate, String detail) {

    /** The status stapled. */
    public enum Status { GOOD, REVOKED, UNKNOWN, UNREADABLE }

    /** Reads a DER OCSP response; never throws. */
    public static OcspStaple read(byte[] der) {
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                return unreadable("the responder status is " + response.getStatus() + " (not successful)");
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                return unreadable("not a basic OCSP response");
            }
            SingleResp[] singles = basic.getResponses();
            if (singles.length == 0) {
                return unreadable("it holds no certificate status");
            }
            SingleResp single = singles[0];
            Object s = single.getCertStatus();
            Status status = s == null ? Status.GOOD : s instanceof RevokedStatus ? Status.REVOKED
                    : s instanceof UnknownStatus ? Status.UNKNOWN : Status.UNKNOWN;
            Optional<Instant> produced = Optional.ofNullable(basic.getProducedAt()).map(d -> d.toInstant());
            Optional<Instant> thisUpdate = Optional.ofNullable(single.getThisUpdate()).map(d -> d.toInstant());
            Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(d -> d.toInstant());
            String detail = "status " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + (s instanceof RevokedStatus r ? " (revoked " + r.getRevocationTime().toInstant() + ")" : "")
                    + produced.map(p -> ", produced " + p).orElse("")
                    + nextUpdate.map(n -> ", next update " + n).orElse("");
            return new OcspStaple(status, produced, thisUpdate, nextUpdate, detail);
        } catch (IOException | OCSPException | RuntimeException e) {
            return unreadable("not a readable OCSP response (" + e.getMessage() + ")");
        }
    }

    private static OcspStaple unreadable(String why) {
        return new OcspStaple(Status.UNREADABLE, Optional.empty(), Optional.empty(), Optional.empty(), why);
    }
}
