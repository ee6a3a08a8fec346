package dev.gatehouse.tls;

/** Reads the outer length of a DER object without parsing it, to tell "cut short" from "damaged". */
final class DerLength {

    private DerLength() {
    }

    /**
     * The total length (header and content) the outer DER object declares, or -1 when the header
     * itself is unreadable (too short, indefinite or absurd length).
     */
    static long declaredLength(byte[] der) {
        if (der == null || der.length < 2) {
            return -1;
        }
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return 2L + first;
        }
        int count = first & 0x7f;
        if (count == 0 || count > 4 || der.length < 2 + count) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[2 + i] & 0xff);
        }
        return 2L + count + length;
    }

    /** True when the outer DER length is longer than the bytes at hand (content cut off). */
    static boolean declaresMoreThanItHolds(byte[] der) {
        if (der.length < 2) {
            return der.length > 0;
        }
        long declared = declaredLength(der);
        if (declared < 0) {
            int count = (der[1] & 0xff) & 0x7f;
            return (der[1] & 0x80) != 0 && count > 0 && count <= 4 && der.length < 2 + count;
        }
        return declared > der.length;
    }
}
