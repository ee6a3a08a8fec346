package dev.gatehouse.input;

/**
 * An input was not read (or not read further): it is larger or deeper than {@link InputLimits} allow,
 * or it is no file that can be read (missing, a directory, a FIFO nobody writes). The message is a
 * plain sentence naming the input and, for a limit, the limit ("tls.crt is larger than the 4 MB limit
 * for certificate files; it was not read"); it never quotes the input's content.
 */
public final class InputLimitException extends Exception {

    private final String input;
    private final String reason;
    private final boolean limit;

    /**
     * @param input  the input's name as the user knows it (a path, {@code tls.crt})
     * @param reason what is wrong, without the name ("is a directory, not a file")
     * @param limit  true when a limit was hit, false when the input cannot be read at all
     */
    public InputLimitException(String input, String reason, boolean limit) {
        super(input + " " + reason, null, false, false);
        this.input = input;
        this.reason = reason;
        this.limit = limit;
    }

    /** The input's name. */
    public String input() {
        return input;
    }

    /** The message without the input's name, for reports that show the name beside it. */
    public String reason() {
        return reason;
    }

    /** True when a limit was hit; false when the file cannot be read at all (missing, a directory...). */
    public boolean isLimit() {
        return limit;
    }
}
