package dev.gatehouse.cli;

import dev.gatehouse.routing.input.ControllerProfile;
import picocli.CommandLine.Option;

/** Controller flags that change routing; a picocli mixin. */
public class ControllerOptions {

    @Option(names = "--ssl-passthrough-enabled",
            description = "Assume ingress-nginx runs with --enable-ssl-passthrough")
    private boolean sslPassthroughEnabled;

    @Option(names = "--watch-ingress-without-class",
            description = "Assume ingress-nginx runs with --watch-ingress-without-class")
    private boolean watchIngressWithoutClass;

    public ControllerProfile profile() {
        return ControllerProfile.ingressNginx().withSslPassthrough(sslPassthroughEnabled)
                .withWatchIngressWithoutClass(watchIngressWithoutClass);
    }
}
