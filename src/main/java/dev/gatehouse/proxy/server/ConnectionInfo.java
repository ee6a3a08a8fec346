package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.routing.ClientCertificate;
import io.netty.channel.Channel;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.AsciiString;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts about one client connection: who connected, on which listener, and what TLS negotiated (SNI,
 * version, cipher, the certificate presented, the client's certificate). Filled on the connection's
 * event loop; read by the handlers of its requests (HTTP/2 streams read their parent's).
 */
public final class ConnectionInfo {

    static final AttributeKey<ConnectionInfo> KEY = AttributeKey.valueOf("gatehouse.connection");

    private final boolean tls;
    private final int localPort;
    private AsciiString localPortText;
    private AsciiString clientAddressAscii;
    private final String clientAddress;
    private final String client;
    private Optional<String> sni = Optional.empty();
    private Optional<String> tlsVersion = Optional.empty();
    private Optional<String> cipher = Optional.empty();
    private Optional<String> certificate = Optional.empty();
    private List<X509Certificate> peerChain = List.of();
    private RouteTable verifiedWith;
    private final Map<String, ClientCertificate> verified = new HashMap<>();
    private final Map<Integer, Optional<ClientCertificate>> verifiedByListener = new HashMap<>();

    ConnectionInfo(boolean tls, SocketAddress local, SocketAddress remote) {
        this.tls = tls;
        this.localPort = local instanceof InetSocketAddress l ? l.getPort() : 0;
        if (remote instanceof InetSocketAddress r) {
            this.clientAddress = r.getAddress() == null ? r.getHostString() : r.getAddress().getHostAddress();
            this.client = clientAddress + ":" + r.getPort();
        } else {
            this.clientAddress = String.valueOf(remote);
            this.client = clientAddress;
        }
    }

    /** Creates and attaches the info of a new connection. */
    static ConnectionInfo attach(Channel channel, boolean tls) {
        ConnectionInfo info = new ConnectionInfo(tls, channel.localAddress(), channel.remoteAddress());
        channel.attr(KEY).set(info);
        return info;
    }

    /** The info of a connection, or of the connection an HTTP/2 stream belongs to. */
    static ConnectionInfo of(Channel channel) {
        Channel connection = channel instanceof Http2StreamChannel && channel.parent() != null ? channel.parent() : channel;
        ConnectionInfo info = connection.attr(KEY).get();
        if (info == null) {
            info = attach(connection, false);
        }
        return info;
    }

    void sni(String hostName) {
        this.sni = Optional.ofNullable(hostName).filter(s -> !s.isBlank());
    }

    void negotiated(String version, String cipherSuite, Optional<String> servedCertificate,
                    List<X509Certificate> clientChain) {
        this.tlsVersion = Optional.ofNullable(version);
        this.cipher = Optional.ofNullable(cipherSuite);
        this.certificate = servedCertificate;
        this.peerChain = List.copyOf(clientChain);
    }

    /** The client certificate as the engine sees it for a request host (verified once per host and table). */
    ClientCertificate clientCertificate(RouteTable table, String host) {
        if (peerChain.isEmpty()) {
            return ClientCertificate.NONE;
        }
        forget(table);
        return verified.computeIfAbsent(host, h -> table.clientCertificate(h, peerChain));
    }

    /**
     * The client certificate as the Gateway listener on {@code listenerPort} (chosen by this connection's SNI) sees
     * it, verified once per port and table; empty when that listener validates no client certificates.
     */
    Optional<ClientCertificate> gatewayClientCertificate(RouteTable table, int listenerPort) {
        forget(table);
        return verifiedByListener.computeIfAbsent(listenerPort, p -> table.gatewayClientCertificate(p, sni, peerChain));
    }

    private void forget(RouteTable table) {
        if (verifiedWith != table) {
            verified.clear();
            verifiedByListener.clear();
            verifiedWith = table;
        }
    }

    boolean tls() {
        return tls;
    }

    /** The local port as text, for the X-Forwarded-Port header. */
    AsciiString localPortText() {
        AsciiString text = localPortText;
        if (text == null) {
            text = AsciiString.of(Integer.toString(localPort));
            localPortText = text;
        }
        return text;
    }

    /** The client's IP address as header text (X-Real-IP, X-Forwarded-For). */
    AsciiString clientAddressAscii() {
        AsciiString text = clientAddressAscii;
        if (text == null) {
            text = AsciiString.of(clientAddress);
            clientAddressAscii = text;
        }
        return text;
    }

    int localPort() {
        return localPort;
    }

    /** The client's IP address. */
    String clientAddress() {
        return clientAddress;
    }

    /** The client's address and port. */
    String client() {
        return client;
    }

    Optional<String> sni() {
        return sni;
    }

    Optional<String> tlsVersion() {
        return tlsVersion;
    }

    Optional<String> cipher() {
        return cipher;
    }

    Optional<String> certificate() {
        return certificate;
    }
}
