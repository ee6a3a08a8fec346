package dev.gatehouse.proxy;

/** The proxy could not start; the message says why in plain words (port in use, rules unreadable …). */
public final class ProxyStartException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProxyStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
