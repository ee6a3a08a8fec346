package dev.gatehouse.demo;

/**
 * The demo cluster could not start. The message is plain text meant for the user
 * ("Cannot write the kubeconfig to …: permission denied"); the cause, if any, is for the details.
 */
public class DemoClusterException extends Exception {

    private static final long serialVersionUID = 1L;

    public DemoClusterException(String message) {
        super(message);
    }

    public DemoClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
