package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerSet;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two worlds the behavioural diff compares, over one input view: {@link #before} is the input as
 * ingress-nginx sees it (its Gateway API objects left out, so the Ingress engine answers every request),
 * {@link #after} is the input with the Gateway API objects of the plan (an extended Gateway replacing its
 * original, and any plan object replacing the input's of the same kind and name, as after an apply), no Ingresses,
 * and the plan's GatewayClass when the input has none of that name (assumed to exist).
 */
final class MigrationViews {

    private MigrationViews() {
    }

    static ClusterView before(ClusterView input) {
        return new Delegating(input) {
            @Override
            public List<GatewayClass> gatewayClasses() {
                return List.of();
            }

            @Override
            public List<Gateway> gateways() {
                return List.of();
            }

            @Override
            public List<HTTPRoute> httpRoutes() {
                return List.of();
            }

            @Override
            public List<TLSRoute> tlsRoutes() {
                return List.of();
            }

            @Override
            public List<GRPCRoute> grpcRoutes() {
                return List.of();
            }

            @Override
            public List<ListenerSet> listenerSets() {
                return List.of();
            }
        };
    }

    static ClusterView after(ClusterView input, MigrationPlan plan) {
        return new Delegating(input) {
            @Override
            public List<Ingress> ingresses() {
                return List.of();
            }

            @Override
            public List<GatewayClass> gatewayClasses() {
                List<GatewayClass> all = new ArrayList<>(input.gatewayClasses());
                if (all.stream().noneMatch(c -> plan.gatewayClass().equals(c.getMetadata().getName()))) {
                    all.add(new GatewayClassBuilder().withNewMetadata().withName(plan.gatewayClass()).endMetadata()
                            .withNewSpec().withControllerName("example.net/assumed").endSpec().build());
                }
                return all;
            }

            @Override
            public List<Gateway> gateways() {
                List<Gateway> all = new ArrayList<>(input.gateways().stream()
                        .filter(g -> !ObjectRef.of(g).equals(ObjectRef.of(plan.gateway()))).toList());
                all.add(plan.gateway());
                return all;
            }

            @Override
            public List<HTTPRoute> httpRoutes() {
                return concat(input.httpRoutes(), plan.httpRoutes());
            }

            @Override
            public List<TLSRoute> tlsRoutes() {
                return concat(input.tlsRoutes(), plan.tlsRoutes());
            }

            @Override
            public List<ReferenceGrant> referenceGrants() {
                return concat(input.referenceGrants(), plan.referenceGrants());
            }

            @Override
            public List<BackendTLSPolicy> backendTlsPolicies() {
                return concat(input.backendTlsPolicies(), plan.backendTlsPolicies());
            }
        };
    }

    /** The input's objects and the plan's; a plan object replaces the input's of the same kind and name (applied). */
    private static <T extends HasMetadata> List<T> concat(List<T> input, List<T> plan) {
        java.util.Set<ObjectRef> planned = new java.util.HashSet<>();
        plan.forEach(o -> planned.add(ObjectRef.of(o)));
        List<T> all = new ArrayList<>(input.stream().filter(o -> !planned.contains(ObjectRef.of(o))).toList());
        all.addAll(plan);
        return all;
    }

    /** Everything from the input unless overridden. */
    private static class Delegating implements ClusterView {
        private final ClusterView input;

        Delegating(ClusterView input) {
            this.input = input;
        }

        @Override
        public List<Ingress> ingresses() {
            return input.ingresses();
        }

        @Override
        public List<IngressClass> ingressClasses() {
            return input.ingressClasses();
        }

        @Override
        public Optional<Secret> secret(String namespace, String name) {
            return input.secret(namespace, name);
        }

        @Override
        public Optional<Service> service(String namespace, String name) {
            return input.service(namespace, name);
        }

        @Override
        public List<EndpointSlice> endpointSlices(String namespace, String serviceName) {
            return input.endpointSlices(namespace, serviceName);
        }

        @Override
        public List<GatewayClass> gatewayClasses() {
            return input.gatewayClasses();
        }

        @Override
        public List<Gateway> gateways() {
            return input.gateways();
        }

        @Override
        public List<ListenerSet> listenerSets() {
            return input.listenerSets();
        }

        @Override
        public List<HTTPRoute> httpRoutes() {
            return input.httpRoutes();
        }

        @Override
        public List<GRPCRoute> grpcRoutes() {
            return input.grpcRoutes();
        }

        @Override
        public List<TLSRoute> tlsRoutes() {
            return input.tlsRoutes();
        }

        @Override
        public List<ReferenceGrant> referenceGrants() {
            return input.referenceGrants();
        }

        @Override
        public List<BackendTLSPolicy> backendTlsPolicies() {
            return input.backendTlsPolicies();
        }

        @Override
        public Optional<ConfigMap> configMap(String namespace, String name) {
            return input.configMap(namespace, name);
        }

        @Override
        public Optional<Namespace> namespace(String name) {
            return input.namespace(name);
        }

        @Override
        public Scope scope() {
            return input.scope();
        }
    }
}
