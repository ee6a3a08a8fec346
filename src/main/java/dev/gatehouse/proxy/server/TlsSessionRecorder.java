package dev.gatehouse.proxy.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SniCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

/**
 * Client side, inbound: remembers what the TLS handshake settled in the connection's
 * {@link ConnectionInfo}. The SNI name comes from the {@link SniCompletionEvent} (the SNI handler
 * replaces itself with the TLS handler, so it cannot be asked later); version, cipher, the certificate
 * presented and the client's certificate come from the session once the handshake succeeded. Removes
 * itself afterwards.
 */
final class TlsSessionRecorder extends ChannelInboundHandlerAdapter {

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SniCompletionEvent sni) {
            ConnectionInfo.of(ctx.channel()).sni(sni.hostname());
        } else if (evt instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                SslHandler tls = ctx.pipeline().get(SslHandler.class);
                if (tls != null) {
                    record(ConnectionInfo.of(ctx.channel()), tls.engine().getSession());
                }
            }
            ctx.pipeline().remove(this);
        }
        ctx.fireUserEventTriggered(evt);
    }

    /**
     * A name the SNI step refused (a Gateway listener that is not programmed, no TLSRoute for it, no listener for
     * the name) is an answer, not a proxy failure: the client gets the fatal alert the route table chose, then the
     * connection is closed, without a stack trace in the log.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && !(root instanceof javax.net.ssl.SSLHandshakeException)) {
            root = root.getCause();
        }
        if (root instanceof ListenerSniHandler.RefusedHandshake refused) {
            org.slf4j.LoggerFactory.getLogger(TlsSessionRecorder.class).debug("TLS handshake refused: {}",
                    refused.getMessage());
            ctx.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(refused.alertRecord()))
                    .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
            return;
        }
        if (root instanceof javax.net.ssl.SSLHandshakeException) {
            org.slf4j.LoggerFactory.getLogger(TlsSessionRecorder.class).debug("TLS connection refused: {}",
                    root.getMessage());
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private static void record(ConnectionInfo info, SSLSession session) {
        Optional<String> served = Optional.empty();
        Certificate[] local = session.getLocalCertificates();
        if (local != null && local.length > 0 && local[0] instanceof X509Certificate leaf) {
            served = Optional.of(displayName(leaf));
        }
        List<X509Certificate> peer = new ArrayList<>();
        try {
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    peer.add(x);
                }
            }
        } catch (SSLPeerUnverifiedException none) {
            // no client certificate
        }
        info.negotiated(session.getProtocol(), session.getCipherSuite(), served, peer);
    }

    /** The certificate's common name, or its whole subject when it has none. */
    static String displayName(X509Certificate certificate) {
        String dn = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        for (String part : dn.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return dn;
    }
}
