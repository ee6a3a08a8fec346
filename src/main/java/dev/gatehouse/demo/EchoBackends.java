package dev.gatehouse.demo;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.gatehouse.tls.build.CertificateBundle;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local stand-ins for the Pods behind the demo Services: one small HTTP server per Service port on
 * 127.0.0.1 (an ephemeral port), answering with the Service name (see {@link EchoHandler}). Ports
 * with {@code appProtocol: https} get an HTTPS server with the certificate the Service names in
 * {@value #CERTIFICATE_ANNOTATION}; Services annotated {@value #BACKEND_ANNOTATION}{@code : "none"}
 * get no backend.
 */
final class EchoBackends implements AutoCloseable {

    static final String BACKEND_ANNOTATION = "gatehouse.dev/demo-backend";
    static final String CERTIFICATE_ANNOTATION = "gatehouse.dev/demo-backend-certificate";

    private static final Logger LOG = LoggerFactory.getLogger(EchoBackends.class);

    private final Map<String, Backend> backends;
    private final ExecutorService executor;

    private record Backend(HttpServer server, URI uri) {
    }

    private EchoBackends(Map<String, Backend> backends, ExecutorService executor) {
        this.backends = Collections.unmodifiableMap(backends);
        this.executor = executor;
    }

    /** Starts a backend for every port of every Service that wants one. */
    static EchoBackends start(List<Service> services, DemoPki pki) throws IOException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "demo-echo-backend-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Map<String, Backend> backends = new LinkedHashMap<>();
        EchoBackends result = new EchoBackends(backends, executor);
        try {
            for (Service service : services) {
                String namespace = service.getMetadata().getNamespace();
                String name = service.getMetadata().getName();
                Map<String, String> annotations = service.getMetadata().getAnnotations() == null
                        ? Map.of() : service.getMetadata().getAnnotations();
                if ("none".equals(annotations.get(BACKEND_ANNOTATION))) {
                    continue;
                }
                for (ServicePort port : service.getSpec().getPorts()) {
                    boolean https = "https".equalsIgnoreCase(port.getAppProtocol());
                    SSLContext tls = https ? sslContext(namespace, name, annotations.get(CERTIFICATE_ANNOTATION), pki) : null;
                    backends.put(key(namespace, name, port.getPort()),
                            startOne(new EchoHandler(namespace, name, port.getPort()), tls, executor));
                }
            }
        } catch (IOException | RuntimeException e) {
            result.close();
            throw e;
        }
        LOG.debug("Started {} demo echo backends", backends.size());
        return result;
    }

    private static Backend startOne(EchoHandler handler, SSLContext tls, ExecutorService executor) throws IOException {
        // A literal: no lookup, and IPv4 even with java.net.preferIPv6Addresses (the URIs say 127.0.0.1).
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        HttpServer server;
        if (tls != null) {
            HttpsServer httpsServer = HttpsServer.create(address, 0);
            httpsServer.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = httpsServer;
        } else {
            server = HttpServer.create(address, 0);
        }
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        URI uri = URI.create((tls != null ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new Backend(server, uri);
    }

    private static SSLContext sslContext(String namespace, String service, String certificateName, DemoPki pki) {
        if (certificateName == null) {
            throw new IllegalArgumentException("Service " + namespace + "/" + service + " has an https port but no "
                    + CERTIFICATE_ANNOTATION + " annotation");
        }
        CertificateBundle bundle = pki.find(certificateName).orElseThrow(() -> new IllegalArgumentException(
                "Service " + namespace + "/" + service + " names certificate \"" + certificateName
                        + "\", which certificates.yaml does not define"));
        try {
            char[] password = new char[0];
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("backend", bundle.privateKey(), password,
                    bundle.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot set up TLS for the " + namespace + "/" + service + " backend", e);
        }
    }

    private static String key(String namespace, String service, int port) {
        return namespace + "/" + service + "/" + port;
    }

    /** Base URI ({@code http://127.0.0.1:PORT/} or https) of the backend behind a Service port. */
    Optional<URI> uri(String namespace, String service, int port) {
        return Optional.ofNullable(backends.get(key(namespace, service, port))).map(Backend::uri);
    }

    /** Local port for a seed placeholder {@code NAMESPACE/SERVICE/PORT}; 0 while only checking the seed. */
    int localPort(String placeholder) {
        Backend backend = backends.get(placeholder);
        if (backend == null) {
            throw new IllegalArgumentException("{{port:" + placeholder + "}} names no Service port with an echo backend");
        }
        return backend.server().getAddress().getPort();
    }

    List<URI> all() {
        List<URI> uris = new ArrayList<>();
        backends.values().forEach(b -> uris.add(b.uri()));
        return uris;
    }

    @Override
    public void close() {
        backends.values().forEach(b -> b.server().stop(0));
        executor.shutdownNow();
    }
}
