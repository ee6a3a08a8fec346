package dev.gatehouse.ui.proxy;

import dev.gatehouse.proxy.backend.BackendKey;

/**
 * One Service port the rules send traffic to, with where the proxy reaches it.
 *
 * @param key     the Service port
 * @param mapped  the URL the user gave, or ""
 * @param reached what the proxy uses now (mapping, demo echo backend, port-forward, or none)
 */
public record BackendRow(BackendKey key, String mapped, String reached) {

    public String service() {
        return key.display();
    }
}
