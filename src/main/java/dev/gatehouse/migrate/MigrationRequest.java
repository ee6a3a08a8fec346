package dev.gatehouse.migrate;

/**
 * What to migrate and where to.
 *
 * @param selection which Ingresses
 * @param gateway   the Gateway the listeners go to
 */
public record MigrationRequest(Selection selection, GatewayTarget gateway) {

    /** Every Ingress the controller serves, to a new Gateway. */
    public static MigrationRequest everything() {
        return new MigrationRequest(Selection.all(), GatewayTarget.newGateway());
    }
}
