package dev.gatehouse.routing.gateway;

import java.util.List;
import java.util.Optional;

/**
 * Which listener takes a connection on a port: the one whose hostname matches the name (SNI for TLS, Host for
 * plain HTTP) most specifically — exact beats wildcard (longer suffix first) beats no hostname.
 *
 * @param chosen     the programmed listener that takes it, if any
 * @param candidates every listener of an accepted Gateway on the port speaking the request's protocol (programmed
 *                   or not), most specific first
 */
public record ListenerChoice(Optional<GatewayListener> chosen, List<GatewayListener> candidates) {

    public ListenerChoice {
        candidates = List.copyOf(candidates);
    }
}
