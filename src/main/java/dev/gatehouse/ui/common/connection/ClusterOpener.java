package dev.gatehouse.ui.common.connection;

/**
 * Opens a cluster on the user's behalf: a kubeconfig they pick (with a file chooser) or the demo
 * cluster. The window provides it; screens that offer "Open…" buttons take it.
 */
public interface ClusterOpener {

    /** Asks for a kubeconfig file and connects to it. */
    void openKubeconfig();

    /** Starts the demo cluster and connects to it. */
    void openDemoCluster();
}
