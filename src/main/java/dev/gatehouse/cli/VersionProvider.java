package dev.gatehouse.cli;

import dev.gatehouse.app.Version;
import dev.gatehouse.proxy.route.TlsProvider;
import picocli.CommandLine.IVersionProvider;

/** {@code gatehouse --version}: the app, Java and TLS provider versions. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "Gatehouse " + Version.current(),
            "Java " + Version.java(),
            "TLS provider: " + TlsProvider.detect().description()
        };
    }
}
