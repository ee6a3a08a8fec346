package dev.gatehouse.probe;

/**
 * One judgement of what was served, set beside what the objects say.
 *
 * @param check   what was judged
 * @param status  agrees, only worth knowing, or disagrees / fails
 * @param message a plain sentence
 */
public record Verdict(Check check, Status status, String message) {

    /** The outcome of one check. */
    public enum Status {
        /** What is served agrees with the objects, or the check passes. */
        PASS,
        /** Worth knowing, never a failure. */
        NOTE,
        /** What is served disagrees with the objects, or the check fails. */
        FAIL
    }

    /** What is judged. */
    public enum Check {
        REACHABLE("reachable"),
        CERTIFICATE("certificate"),
        NO_SNI("without SNI"),
        CHAIN_ORDER("chain order"),
        CHAIN_COMPLETE("chain complete"),
        TRUST("trust"),
        VALIDITY("validity"),
        HOST_NAME("host name"),
        TLS_VERSIONS("TLS versions"),
        NEGOTIATED("negotiated"),
        ALPN("ALPN"),
        HSTS("HSTS"),
        OCSP_STAPLING("OCSP stapling"),
        CT_SCTS("CT SCTs"),
        HANDSHAKE_TIME("handshake time");

        private final String label;

        Check(String label) {
            this.label = label;
        }

        /** For people, e.g. "chain order". */
        public String label() {
            return label;
        }

        /** For JSON, e.g. "chainOrder". */
        public String key() {
            String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
            StringBuilder b = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return b.toString();
        }
    }

    public static Verdict pass(Check check, String message) {
        return new Verdict(check, Status.PASS, message);
    }

    public static Verdict note(Check check, String message) {
        return new Verdict(check, Status.NOTE, message);
    }

    public static Verdict fail(Check check, String message) {
        return new Verdict(check, Status.FAIL, message);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
