package dev.gatehouse.tls;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/** The certificates of a PKCS#7 / CMS {@code SignedData} bundle (a {@code .p7b} file). */
final class Pkcs7 {

    private Pkcs7() {
    }

    /** The certificates in the order the bundle lists them (PKCS#7 keeps no chain order). */
    static List<X509CertificateHolder> certificates(ContentInfo info) throws CMSException {
        if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
            return List.of();
        }
        CMSSignedData signed = new CMSSignedData(info);
        return new ArrayList<>(signed.getCertificates().getMatches(null));
    }
}
