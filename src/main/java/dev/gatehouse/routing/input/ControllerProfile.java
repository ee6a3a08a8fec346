package dev.gatehouse.routing.input;

/**
 * The Ingress controller whose behaviour the engine reproduces. Only ingress-nginx is modelled; its
 * command-line flags that change routing are fields here.
 *
 * @param className                the class name ingress-nginx answers to ({@code --ingress-class}),
 *                                 also the legacy annotation value it accepts
 * @param controllerName           the {@code spec.controller} of its IngressClass ({@code --controller-class})
 * @param sslPassthroughEnabled    {@code --enable-ssl-passthrough}; without it the annotation is ignored
 * @param watchIngressWithoutClass {@code --watch-ingress-without-class}
 * @param hsts                     the ConfigMap's {@code hsts} (on by default)
 */
public record ControllerProfile(String className, String controllerName, boolean sslPassthroughEnabled,
                                boolean watchIngressWithoutClass, boolean hsts) {

    public static final String ANNOTATION_PREFIX = "nginx.ingress.kubernetes.io/";
    public static final String FAKE_CERTIFICATE_NAME = "Kubernetes Ingress Controller Fake Certificate";

    /** ingress-nginx with its defaults: class {@code nginx}, controller {@code k8s.io/ingress-nginx}. */
    public static ControllerProfile ingressNginx() {
        return new ControllerProfile("nginx", "k8s.io/ingress-nginx", false, false, true);
    }

    public ControllerProfile withSslPassthrough(boolean enabled) {
        return new ControllerProfile(className, controllerName, enabled, watchIngressWithoutClass, hsts);
    }

    public ControllerProfile withWatchIngressWithoutClass(boolean enabled) {
        return new ControllerProfile(className, controllerName, sslPassthroughEnabled, enabled, hsts);
    }
}
