/**
 * The Gateway API front-end of the routing engine: reads GatewayClasses, Gateways, ListenerSets, HTTPRoutes,
 * GRPCRoutes, TLSRoutes, ReferenceGrants and BackendTLSPolicies from a {@code routing.input.ClusterView} and
 * builds one immutable {@link dev.gatehouse.routing.gateway.GatewayModel}: listeners with their certificates
 * and status conditions, route attachment with per-parent status as a conformant controller writes it, and per
 * listener the HTTPRoute rules as neutral {@code routing.route.RouteRule}s in the spec's precedence order.
 * Depends on {@code routing.input}, {@code routing.route}, {@code routing.model} and {@code tls}; nothing here
 * depends on {@code routing} or {@code routing.diagnostics}.
 */
package dev.gatehouse.routing.gateway;
