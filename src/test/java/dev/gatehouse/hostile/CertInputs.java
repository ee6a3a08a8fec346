package dev.gatehouse.hostile;

import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TestMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Certificate and key inputs for {@code cert inspect}: the committed corpus of
 * {@code src/test/resources/dev/gatehouse/tls/corpus} (see tls.CorpusGenerator) plus inputs that attack the
 * limits (PBKDF2 and PKCS#12 iteration bombs, thousands of certificates, deep ASN.1, devices) and seeded
 * mutations of good PEM and DER.
 */
final class CertInputs {

    private static final String AREA = "certs";
    private static final String COMMITTED = "/dev/gatehouse/tls/corpus/";

    private CertInputs() {
    }

    static void write(Corpus c) throws Exception {
        committed(c);
        TestCerts.Issued leaf = TestCerts.cert("shop.example.com").dns("shop.example.com").issue();
        String pem = TestCerts.pem(leaf.cert()) + TestCerts.pem(leaf.key());
        byte[] der = leaf.cert().getEncoded();
        c.write(AREA, "cert", "pbkdf2-bomb.der", pbkdf2Bomb());
        c.write(AREA, "cert", "pbkdf2-bomb.pem", "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pbkdf2Bomb()) + "\n-----END ENCRYPTED PRIVATE KEY-----\n");
        c.write(AREA, "cert", "pkcs12-mac-bomb.p12", pkcs12MacBomb(leaf));
        c.write(AREA, "cert", "dsa.pem", TestCerts.pem(TestCerts.cert("dsa.example.com").dns("dsa.example.com")
                .keys(TestCerts.dsaKey()).signatureAlgorithm("SHA256withDSA").issue().cert()));
        c.write(AREA, "cert", "key-only-named-crt.crt", TestCerts.pem(leaf.key()));
        c.write(AREA, "cert", "two-thousand-certificates.pem", TestCerts.pem(leaf.cert()).repeat(2000));
        c.write(AREA, "cert", "der-back-to-back-1500.der", repeat(der, 1500));
        c.write(AREA, "cert", "der-indefinite-nesting.der", repeat(new byte[] {0x30, (byte) 0x80}, 200_000));
        c.write(AREA, "cert", "der-definite-nesting.der", nestedDefinite(20_000));
        c.write(AREA, "cert", "der-length-2gb.der", new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, 1, 2, 3});
        c.write(AREA, "cert", "der-length-9-bytes.der", new byte[] {0x30, (byte) 0x89, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        c.write(AREA, "cert", "pem-nested-begin.pem", "-----BEGIN CERTIFICATE-----\n".repeat(5000));
        c.write(AREA, "cert", "pem-4mb-line.pem", "-----BEGIN CERTIFICATE-----\n" + "A".repeat((4 << 20) - 100)
                + "\n-----END CERTIFICATE-----\n");
        c.write(AREA, "cert", "just-over-4mb.pem", "#".repeat((4 << 20) + 1));
        c.write(AREA, "cert", "base64-three-times.txt", b64(b64(b64(pem))));
        c.write(AREA, "cert", "pem-headers-100k.pem", "-----BEGIN RSA PRIVATE KEY-----\n"
                + "X-Header: v\n".repeat(100_000) + "\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        c.write(AREA, "cert", "pkcs7-2000.p7b", TestMaterial.pkcs7(java.util.Collections.nCopies(2000, leaf.cert())));
        if (c.withStreams()) {
            c.external(AREA, "cert", "/dev/zero");
            c.external(AREA, "cert", "/dev/urandom");
            c.external(AREA, "cert", "/proc/self/status");
            c.external(AREA, "cert", "/proc/self/mem");
        }
        c.fifo(AREA, "cert", "fifo.pem");
        c.external(AREA, "cert", c.root().resolve(AREA).resolve("no-such.pem").toString());
        for (int i = 0; i < 12; i++) {
            c.write(AREA, "cert", "pem-truncated-" + i + ".pem", c.truncate(pem));
            c.write(AREA, "cert", "pem-flipped-" + i + ".pem", c.flip(c.flip(pem.getBytes(StandardCharsets.US_ASCII))));
            c.write(AREA, "cert", "der-flipped-" + i + ".der", c.flip(der));
        }
        for (int i = 0; i < 8; i++) {
            byte[] cut = java.util.Arrays.copyOf(der, 1 + c.random.nextInt(der.length - 1));
            c.write(AREA, "cert", "der-truncated-" + i + ".der", cut);
        }
    }

    private static void committed(Corpus c) throws IOException {
        String index;
        try (InputStream in = CertInputs.class.getResourceAsStream(COMMITTED + "expected.tsv")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : index.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
            String file = line.split("\t", -1)[0];
            try (InputStream in = CertInputs.class.getResourceAsStream(COMMITTED + file)) {
                c.write(AREA, "cert", "committed-" + file, in.readAllBytes());
            }
        }
    }

    /** An encrypted PKCS#8 key asking for two billion PBKDF2 rounds (nothing real behind it). */
    static byte[] pbkdf2Bomb() throws IOException {
        PBKDF2Params kdf = new PBKDF2Params(new byte[16], 2_000_000_000, 32,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256));
        PBES2Parameters pbes2 = new PBES2Parameters(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, kdf),
                new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(new byte[16])));
        return new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, pbes2),
                new byte[64]).getEncoded("DER");
    }

    /** A real keystore whose MAC asks for 2^31-1 iterations. */
    static byte[] pkcs12MacBomb(TestCerts.Issued leaf) throws IOException {
        Pfx pfx = Pfx.getInstance(ASN1Sequence.getInstance(TestMaterial.pkcs12(leaf.key(), List.of(leaf.cert()), "pw")));
        MacData mac = pfx.getMacData();
        MacData bomb = new MacData(mac.getMac(), mac.getSalt(), Integer.MAX_VALUE);
        return new Pfx(pfx.getAuthSafe(), bomb).getEncoded("DER");
    }

    private static byte[] nestedDefinite(int depth) {
        byte[] inner = new byte[] {0x05, 0x00};
        for (int i = 0; i < depth; i++) {
            int n = inner.length;
            byte[] len = n < 128 ? new byte[] {(byte) n} : BigInteger.valueOf(n).toByteArray();
            byte[] header = n < 128 ? new byte[] {0x30, len[0]} : concat(new byte[] {0x30,
                (byte) (0x80 | stripped(len).length)}, stripped(len));
            inner = concat(header, inner);
        }
        return inner;
    }

    private static byte[] stripped(byte[] len) {
        return len[0] == 0 ? java.util.Arrays.copyOfRange(len, 1, len.length) : len;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] repeat(byte[] bytes, int times) {
        byte[] out = new byte[bytes.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(bytes, 0, out, i * bytes.length, bytes.length);
        }
        return out;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
