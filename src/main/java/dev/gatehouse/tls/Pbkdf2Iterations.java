package dev.gatehouse.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * Finds the iteration counts of password-based key derivations in DER before anything is decrypted, so
 * that a keystore or key demanding billions of PBKDF2 rounds is refused instead of burning minutes of
 * CPU. Recognised shapes: PBKDF2 / PKCS#5 / PKCS#12 PBE parameters ({@code SEQUENCE { salt OCTET STRING,
 * iterations INTEGER, ... }}, also scrypt's cost) and PKCS#12 {@code MacData} ({@code SEQUENCE {
 * DigestInfo, salt, iterations }}). OCTET STRINGs that hold DER (a PKCS#12 keystore's safe contents) are
 * looked into; the walk visits a bounded number of nodes.
 */
final class Pbkdf2Iterations {

    private static final int MAX_NODES = 200_000;

    private Pbkdf2Iterations() {
    }

    /** Refused: a derivation asks for more iterations than allowed. */
    static final class TooManyException extends Exception {
        private final BigInteger count;
        private final int limit;

        TooManyException(BigInteger count, int limit) {
            super("iteration count " + count + " exceeds the limit " + limit, null, false, false);
            this.count = count;
            this.limit = limit;
        }

        /** "refused: iteration count 50000000 exceeds the limit 1000000 (pbkdf2Iterations)". */
        String refusal() {
            return "refused: iteration count " + count + " exceeds the limit " + limit + " (pbkdf2Iterations)";
        }
    }

    /** Throws when any iteration count in {@code root} is above {@code limit}. */
    static void check(ASN1Encodable root, int limit) throws TooManyException {
        BigInteger highest = highest(root);
        if (highest.compareTo(BigInteger.valueOf(limit)) > 0) {
            throw new TooManyException(highest, limit);
        }
    }

    /** The highest iteration count found, 0 when there is none. */
    static BigInteger highest(ASN1Encodable root) {
        BigInteger highest = BigInteger.ZERO;
        Deque<ASN1Encodable> todo = new ArrayDeque<>();
        todo.push(root);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < MAX_NODES) {
            ASN1Primitive node = todo.pop().toASN1Primitive();
            if (node instanceof ASN1Sequence seq) {
                highest = highest.max(countIn(seq));
                seq.forEach(todo::push);
            } else if (node instanceof ASN1Set set) {
                set.forEach(todo::push);
            } else if (node instanceof ASN1TaggedObject tagged) {
                try {
                    todo.push(tagged.getBaseObject());
                } catch (RuntimeException e) {
                    // an implicitly tagged primitive: nothing to look into
                }
            } else if (node instanceof ASN1OctetString octets) {
                byte[] inner = octets.getOctets();
                if (inner.length > 1 && (inner[0] & 0xff) == 0x30) {
                    try {
                        todo.push(ASN1Primitive.fromByteArray(inner));
                    } catch (IOException | RuntimeException e) {
                        // not DER: key material or a digest
                    }
                }
            }
        }
        return highest;
    }

    private static BigInteger countIn(ASN1Sequence seq) {
        int n = seq.size();
        // PBE parameters: salt, iterations (PBKDF2, PKCS#5 v1, PKCS#12 PBE, scrypt's cost)
        if (n >= 2 && seq.getObjectAt(0) instanceof ASN1OctetString && seq.getObjectAt(1) instanceof ASN1Integer i) {
            return i.getValue();
        }
        // PKCS#12 MacData: DigestInfo, salt, iterations
        if (n == 3 && seq.getObjectAt(0) instanceof ASN1Sequence && seq.getObjectAt(1) instanceof ASN1OctetString
                && seq.getObjectAt(2) instanceof ASN1Integer i) {
            return i.getValue();
        }
        return BigInteger.ZERO;
    }
}
